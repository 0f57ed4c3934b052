import { PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Select, Table, Tag, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { matterApi, unitApi, type Matter, type MatterPage, type MatterQuery } from '../api/index.js';
import { MatterCreateModal } from '../components/MatterCreateModal.js';
import { Guard, Page } from '../components/Page.js';
import { categoryName, ENFORCEMENT_CATEGORIES, matterStatusColors, matterStatusLabels, phaseLabel, PHASE_ORDER } from '../matter-labels.js';
import { useSession } from '../session.js';
import { dayjs, formatDate, zone } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';
import { useOfficers } from '../util/useOfficers.js';

export function MattersPage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <Matters />
    </Guard>
  );
}

const pageSize = 50;
type Filters = Omit<MatterQuery, 'from' | 'to' | 'page' | 'pageSize'> & { dates?: [Dayjs, Dayjs] | null };

/** 执法事项: search by number, party, category, phase, unit, officer and dates; 50 a page. */
function Matters() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const navigate = useNavigate();
  const [form] = Form.useForm<Filters>();
  const [q, setQ] = useState<MatterQuery>({ page: 1 });
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => matterApi.search(agencyId, { ...q, pageSize }), [agencyId, JSON.stringify(q)]);
  // The count is its own request (it can take longer than the page): same filters, no page.
  const { page: _page, ...filters } = q;
  const counted = useLoad(() => matterApi.count(agencyId, filters), [agencyId, JSON.stringify(filters)]);
  const pager = pagerTotal(q.page ?? 1, list.data, counted.data);
  const units = useLoad(() => unitApi.list(agencyId), [agencyId]);
  const { officers, mine } = useOfficers();
  const canCreate = access.can.workOnMatters;

  const search = () => {
    const { dates, ...v } = form.getFieldsValue();
    const from = dates?.[0] ? dayjs.tz(dates[0].format('YYYY-MM-DD'), zone).toISOString() : undefined;
    const to = dates?.[1] ? dayjs.tz(dates[1].format('YYYY-MM-DD'), zone).add(1, 'day').toISOString() : undefined;
    const clean = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== '')) as MatterQuery;
    setQ({ ...clean, from, to, page: 1 });
  };
  const reset = () => {
    form.resetFields();
    setQ({ page: 1 });
  };

  const columns: TableColumnsType<Matter> = [
    {
      title: '编号 / 案由',
      key: 'title',
      render: (_: unknown, m) => (
        <div>
          <Link to={`/matters/${m.id}`} className="matter-number">
            {m.number}
          </Link>
          <div className="matter-title">{m.title}</div>
        </div>
      ),
    },
    { title: '类别', dataIndex: 'category', width: 130, render: (c: string) => categoryName(c) },
    { title: '阶段', dataIndex: 'phase', width: 92, render: (p: string) => <Tag>{phaseLabel(p)}</Tag> },
    { title: '状态', dataIndex: 'status', width: 84, render: (s: string) => <Tag color={matterStatusColors[s]}>{matterStatusLabels[s] ?? s}</Tag> },
    { title: '科室/执法队', dataIndex: 'unitName', width: 110, render: (u: string | null) => u ?? '—' },
    { title: '登记日期', dataIndex: 'createdAt', width: 104, render: (t: string) => formatDate(t) },
  ];

  return (
    <Page
      title="执法事项"
      description="本机关的执法事项（案件）：按编号、当事人、类别、阶段、科室、执法人员和日期检索。"
      extra={
        canCreate ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="matter-create">
            登记事项
          </Button>
        ) : null
      }
    >
      <Card className="section-card">
        <Form form={form} layout="inline" className="filter-form matter-filters" onFinish={search}>
          <Form.Item name="number">
            <Input allowClear placeholder="事项编号" style={{ width: 170 }} data-testid="filter-number" />
          </Form.Item>
          <Form.Item name="party">
            <Input allowClear placeholder="当事人" style={{ width: 150 }} data-testid="filter-party" />
          </Form.Item>
          <Form.Item name="category">
            <Select allowClear placeholder="全部类别" style={{ width: 190 }} options={Object.entries(ENFORCEMENT_CATEGORIES).map(([value, label]) => ({ value, label }))} data-testid="filter-category" />
          </Form.Item>
          <Form.Item name="phase">
            <Select allowClear placeholder="全部阶段" style={{ width: 120 }} options={PHASE_ORDER.map((p) => ({ value: p, label: phaseLabel(p) }))} data-testid="filter-phase" />
          </Form.Item>
          <Form.Item name="unitId">
            <Select allowClear placeholder="全部科室/执法队" style={{ width: 160 }} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item name="officerId">
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部执法人员" style={{ width: 140 }} options={officers.map((o) => ({ value: o.id, label: o.name }))} data-testid="filter-officer" />
          </Form.Item>
          <Form.Item name="dates">
            <DatePicker.RangePicker placeholder={['登记日期起', '登记日期止']} style={{ width: 260 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="matter-search">
              检索
            </Button>
          </Form.Item>
          <Form.Item>
            <Button icon={<ReloadOutlined />} onClick={reset}>
              重置
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Card className="section-card">
        <Table<Matter>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          tableLayout="fixed"
          scroll={{ x: 720 }}
          onRow={(m) => ({ onDoubleClick: () => navigate(`/matters/${m.id}`) })}
          pagination={{ current: q.page, pageSize, total: pager.total, showSizeChanger: false, showTotal: () => pager.label, onChange: (page) => setQ((o) => ({ ...o, page })) }}
          locale={{ emptyText: '没有符合条件的执法事项' }}
          data-testid="matter-table"
        />
      </Card>
      <MatterCreateModal
        open={creating}
        agencyId={agencyId}
        officers={officers}
        units={units.data ?? []}
        myOfficerId={mine?.id}
        onClose={() => setCreating(false)}
        onCreated={(m) => navigate(`/matters/${m.id}`)}
      />
    </Page>
  );
}

/** What the pager shows: the count once it is in; meanwhile enough pages to go one further. */
function pagerTotal(page: number, list: MatterPage | undefined, counted: { total: number; capped: boolean } | undefined) {
  if (list?.total !== null && list?.total !== undefined) return { total: list.total, label: `共 ${list.total} 件` };
  if (counted) return { total: counted.total, label: counted.capped ? `超过 ${counted.total.toLocaleString('zh-CN')} 件，请增加检索条件` : `共 ${counted.total} 件` };
  return { total: (page + (list?.hasMore ? 1 : 0)) * pageSize, label: '正在统计件数…' };
}

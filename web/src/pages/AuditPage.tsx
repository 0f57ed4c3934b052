import { ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { auditApi, metaApi, type AuditEvent, type AuditQuery } from '../api/index.js';
import { AuditEventDetail } from '../components/AuditEventDetail.js';
import { Guard, Page } from '../components/Page.js';
import { objectTypeLabels } from '../labels.js';
import { useSession } from '../session.js';
import { formatDateTime, pickedToIso } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function AuditPage() {
  return (
    <Guard allow={(a) => a.can.viewAudit || a.platform.viewAllAudit} needAgency={false}>
      <Audit />
    </Guard>
  );
}

type Filters = { scope: 'agency' | 'all'; reads?: 'only' | 'exclude'; action?: string; objectType?: string; range?: [Dayjs | null, Dayjs | null] | null };

// Reads (查看、播放、打印、下载、导出) are many; a quiet colour keeps the acts among them visible.
const isRead = (action: string) => /\.(viewed|timeline_viewed|played|printed|downloaded)$/.test(action);

const actionColor = (action: string) =>
  isRead(action)
    ? 'default'
    : action.startsWith('auth.sign_in_failed') || action === 'auth.locked' || action.endsWith('revoked') || action.endsWith('disabled')
    ? 'red'
    : action.endsWith('created')
      ? 'green'
      : action.startsWith('auth.')
        ? 'default'
        : 'blue';

function Audit() {
  const { agency, agencies, access } = useSession();
  const [form] = Form.useForm<Filters>();
  const [filters, setFilters] = useState<Filters>({ scope: agency ? 'agency' : 'all' });
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const actions = useLoad(() => metaApi.auditActions(), []);

  const scope = filters.scope === 'all' && access.platform.viewAllAudit ? undefined : agency?.id;
  const query: AuditQuery = {
    agencyId: scope,
    action: filters.action,
    reads: filters.reads,
    objectType: filters.objectType,
    from: filters.range?.[0] ? pickedToIso(filters.range[0]) : undefined,
    to: filters.range?.[1] ? pickedToIso(filters.range[1]) : undefined,
    ...page,
  };
  const events = useLoad(() => auditApi.list(query), [JSON.stringify(query)], !!scope || access.platform.viewAllAudit);
  const agencyName = (id: string | null) => (id ? (agencies.find((a) => a.id === id)?.name ?? id.slice(0, 8)) : '平台');

  const columns: TableColumnsType<AuditEvent> = [
    // A fixed column keeps an expanded row's detail within the visible width when the table scrolls.
    { title: '序号', dataIndex: 'seq', width: 70, fixed: 'left' },
    { title: '时间（北京时间）', dataIndex: 'occurredAt', width: 190, render: formatDateTime },
    { title: '动作', dataIndex: 'action', width: 180, render: (a: string) => <Tag color={actionColor(a)}>{actions.data?.[a] ?? a}</Tag> },
    { title: '操作人', dataIndex: 'actorName', width: 130, render: (n: string | null) => n ?? '系统' },
    { title: '对象', dataIndex: 'objectType', width: 130, render: (t: string) => objectTypeLabels[t] ?? t },
    ...(scope ? [] : [{ title: '机关', dataIndex: 'agencyId', width: 200, render: agencyName }]),
    {
      title: '对象 ID',
      dataIndex: 'objectId',
      width: 100,
      render: (id: string | null) =>
        id ? (
          <Tooltip title={id}>
            <span className="mono">{id.slice(0, 8)}</span>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    { title: 'IP', dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
  ];

  const apply = (v: Filters) => {
    setFilters(v);
    setPage((p) => ({ ...p, page: 1 }));
  };

  return (
    <Page title="审计日志" description="每一次变更、登录和查阅（查看、播放、打印、下载、导出）都记入审计日志；记录一经写入不可修改。点击行首的 + 查看变更前后内容和内容哈希。">
      <Card className="filter-card">
        <Form form={form} layout="inline" initialValues={filters} onFinish={apply} className="filter-form" name="audit-filter">
          {access.platform.viewAllAudit ? (
            <Form.Item label="范围" name="scope">
              <Select
                style={{ width: 180 }}
                options={[
                  ...(agency ? [{ value: 'agency', label: `当前机关` }] : []),
                  { value: 'all', label: '全部机关（含平台）' },
                ]}
              />
            </Form.Item>
          ) : null}
          <Form.Item label="类别" name="reads">
            <Select
              allowClear
              placeholder="全部"
              style={{ width: 170 }}
              options={[
                { value: 'exclude', label: '办理、变更和登录' },
                { value: 'only', label: '查阅（查看、播放、打印、下载、导出）' },
              ]}
              data-testid="audit-reads"
            />
          </Form.Item>
          <Form.Item label="动作" name="action">
            <Select
              allowClear
              placeholder="全部动作"
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={Object.entries(actions.data ?? {}).map(([value, label]) => ({ value, label }))}
              data-testid="audit-action"
            />
          </Form.Item>
          <Form.Item label="对象类型" name="objectType">
            <Select allowClear placeholder="全部" style={{ width: 160 }} options={Object.entries(objectTypeLabels).map(([value, label]) => ({ value, label }))} data-testid="audit-object-type" />
          </Form.Item>
          <Form.Item label="时间" name="range">
            <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" placeholder={['开始时间', '结束时间']} allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-search">
                查询
              </Button>
              <Button
                icon={<ReloadOutlined />}
                onClick={() => {
                  form.resetFields();
                  apply(form.getFieldsValue(true) as Filters);
                }}
              >
                重置
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Table<AuditEvent>
          rowKey="seq"
          columns={columns}
          dataSource={events.data?.items ?? []}
          loading={events.loading}
          scroll={{ x: scope ? 960 : 1160 }}
          expandable={{ expandedRowRender: (e) => <AuditEventDetail event={e} /> }}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: events.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100],
            showTotal: (t) => `共 ${t} 条`,
            onChange: (p, s) => setPage({ page: s === page.pageSize ? p : 1, pageSize: s }),
          }}
          locale={{ emptyText: '没有符合条件的审计事件' }}
          data-testid="audit-table"
        />
      </Card>
    </Page>
  );
}

import { ReloadOutlined, SyncOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Empty, Row, Segmented, Select, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { findingApi, officerApi, policyApi, unitApi, type Finding, type FindingQuery, type FindingState } from '../api/index.js';
import { Guard, Page } from '../components/Page.js';
import { findingKindLabels, findingStateColors, findingStateLabels, requirementLabels, seedLabels } from '../rules-labels.js';
import { useSession } from '../session.js';
import { showError } from '../util/errors.js';
import { dayjs, zone } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function FindingsPage() {
  return (
    <Guard allow={(a) => a.can.readFindings}>
      <Findings />
    </Guard>
  );
}

const pageSize = 20;
const minute = (iso: string | null) => (iso ? dayjs(iso).tz(zone).format('YYYY-MM-DD HH:mm') : '—');
const late = (ms: number | null) => {
  if (!ms || ms <= 0) return null;
  const h = Math.round(ms / 3_600_000);
  return h >= 48 ? `超 ${Math.round(h / 24)} 天` : `超 ${Math.max(h, 1)} 小时`;
};

function FindingsEmpty({ filtered, hasPolicy }: { filtered: boolean; hasPolicy: boolean }) {
  if (filtered) return <Empty description="没有符合筛选条件的问题" />;
  return (
    <Empty
      image={Empty.PRESENTED_IMAGE_SIMPLE}
      description={
        <div className="findings-empty" data-testid="findings-empty">
          <Typography.Title level={5}>暂未发现问题</Typography.Title>
          <p>
            系统按本机关执法规范方案的时限和音像记录事项清单，自动检查每一件执法事项：音像记录是否按时储存、整理，案卷是否按时归档，执法决定是否按时公开，
            法制审核是否超时，应当音像记录的环节是否有记录，调查检查是否有两名以上执法人员。
          </p>
          <p>即将到期的列为“临期”，已过期的列为“超期”，不符合规定的列为“违规”；每条问题都注明所依据的条款。执法事项登记后，问题会在这里出现。</p>
          {hasPolicy ? null : (
            <Link to="/policy">
              <Button type="primary">先选择执法规范方案</Button>
            </Link>
          )}
        </div>
      }
    />
  );
}

function Findings() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const { message } = App.useApp();
  const [q, setQ] = useState<FindingQuery>({ status: 'open', page: 1 });
  const list = useLoad(() => findingApi.list(agencyId, { ...q, pageSize }), [agencyId, JSON.stringify(q)]);
  const units = useLoad(() => unitApi.list(agencyId), [agencyId]);
  const officers = useLoad(() => officerApi.list(agencyId), [agencyId]);
  const policy = useLoad(() => policyApi.current(agencyId), [agencyId]);
  const [running, setRunning] = useState(false);
  const set = (patch: Partial<FindingQuery>) => setQ((old) => ({ ...old, ...patch, page: patch.page ?? 1 }));

  const reevaluate = async () => {
    setRunning(true);
    try {
      const r = await findingApi.reevaluate(agencyId);
      void message.success(r.skipped ? `未评估：${r.skipped}` : `已重新评估 ${r.matters} 件事项：新发现 ${r.opened}，变化 ${r.changed}，已解决 ${r.resolved}`);
      list.reload();
    } catch (err) {
      showError(err, message);
    } finally {
      setRunning(false);
    }
  };

  const byReq = (req: string) => (list.data?.counts ?? []).filter((c) => c.requirement === req);
  const officerName = (id: string) => officers.data?.find((o) => o.id === id)?.name ?? '—';
  const columns: TableColumnsType<Finding> = [
    {
      title: '问题',
      key: 'summary',
      render: (_: unknown, f) => (
        <div>
          <div className="finding-summary">{f.summary}</div>
          <Typography.Text type="secondary" className="finding-meta">
            {findingKindLabels[f.kind] ?? f.kind} · {f.requirement}
            {f.officerIds.length ? ` · ${f.officerIds.map(officerName).join('、')}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: '状态',
      dataIndex: 'state',
      width: 96,
      render: (s: FindingState, f) => (
        <div>
          <Tag color={findingStateColors[s]}>{findingStateLabels[s]}</Tag>
          {f.resolvedAt ? <Tag color="green">已解决</Tag> : null}
          <div className="finding-meta">{late(f.lateByMs)}</div>
        </div>
      ),
    },
    {
      title: '时间',
      key: 'time',
      width: 158,
      render: (_: unknown, f) => (
        <div className="finding-times">
          <div>到期 {minute(f.dueAt)}</div>
          <div className="muted">发现 {minute(f.firstSeenAt)}</div>
        </div>
      ),
    },
    { title: '事项', dataIndex: 'matterId', width: 100, render: (m: string) => <span className="mono finding-matter">{m}</span> },
    {
      title: '依据',
      key: 'rule',
      width: 140,
      render: (_: unknown, f) => (
        <Tooltip title={<div className="rule-tooltip">{f.rule.text}</div>} placement="left">
          <Tag color={f.rule.seed === 'agency' ? 'green' : 'geekblue'}>{f.rule.seed === 'agency' ? '本机关调整' : `${f.rule.seed} ${seedLabels[f.rule.seed] ?? ''}`}</Tag>
          <div className="rule-article">
            {f.rule.article} · 第 {f.rule.profileVersion} 版
          </div>
        </Tooltip>
      ),
    },
  ];

  const filtered = !!(q.requirement || q.state || q.unitId || q.officerId || q.status !== 'open');
  const opt = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
  return (
    <Page
      title="问题发现"
      description="按本机关执法规范方案自动发现的临期、超期和违规，每条注明所依据的条款。"
      extra={
        access.can.reevaluateFindings ? (
          <Button icon={<SyncOutlined spin={running} />} loading={running} onClick={() => void reevaluate()} data-testid="findings-reevaluate">
            立即重新评估
          </Button>
        ) : null
      }
    >
      <Row gutter={[12, 12]} className="finding-counts">
        {Object.entries(requirementLabels).map(([req, label]) => {
          const cs = byReq(req);
          const n = cs.reduce((s, c) => s + c.n, 0);
          return (
            <Col key={req} xs={12} md={6}>
              <Card size="small" hoverable className={`count-card${q.requirement === req ? ' selected' : ''}${n ? ' has' : ''}`} onClick={() => set({ requirement: q.requirement === req ? undefined : req })}>
                <div className="count-row">
                  <div className="count-label">
                    {label}
                    <div className="muted">{req}</div>
                  </div>
                  <div className="count-n">{n}</div>
                </div>
                {cs.length ? <div className="count-states">{cs.map((c) => <Tag key={c.state} color={findingStateColors[c.state]}>{`${findingStateLabels[c.state]} ${c.n}`}</Tag>)}</div> : null}
              </Card>
            </Col>
          );
        })}
      </Row>
      <Card
        className="section-card"
        title="问题列表"
        extra={
          <Segmented value={q.status} onChange={(v) => set({ status: v as FindingQuery['status'] })} options={[{ value: 'open', label: '未解决' }, { value: 'resolved', label: '已解决' }, { value: 'all', label: '全部' }]} data-testid="findings-status" />
        }
      >
        <Space wrap className="table-filters">
          <Select allowClear placeholder="全部要求" style={{ width: 180 }} value={q.requirement} onChange={(v) => set({ requirement: v })} options={Object.entries(requirementLabels).map(([value, label]) => ({ value, label: `${value} ${label}` }))} data-testid="findings-requirement" />
          <Select allowClear placeholder="全部状态" style={{ width: 120 }} value={q.state} onChange={(v) => set({ state: v })} options={opt(findingStateLabels)} />
          <Select allowClear placeholder="全部科室/执法队" style={{ width: 170 }} value={q.unitId} onChange={(v) => set({ unitId: v })} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} placeholder="全部执法人员" style={{ width: 150 }} value={q.officerId} onChange={(v) => set({ officerId: v })} options={(officers.data ?? []).map((o) => ({ value: o.id, label: o.name }))} />
          {filtered ? (
            <Button icon={<ReloadOutlined />} onClick={() => setQ({ status: 'open', page: 1 })}>
              清除筛选
            </Button>
          ) : null}
        </Space>
        <Table<Finding>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.loading}
          tableLayout="fixed"
          scroll={{ x: 780 }}
          pagination={{ current: q.page, pageSize, total: list.data?.total ?? 0, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 条`, onChange: (page) => set({ page }) }}
          locale={{ emptyText: <FindingsEmpty filtered={filtered} hasPolicy={!!policy.data?.current} /> }}
          data-testid="findings-table"
        />
      </Card>
    </Page>
  );
}

import { CheckCircleOutlined, CloseCircleOutlined, SafetyOutlined, SyncOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Descriptions, Empty, Result, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { integrityApi } from '../../api/index.js';
import type { Schemas } from '../../api/typed-client.js';
import { Page } from '../../components/Page.js';
import { useSession } from '../../session.js';
import { errorMessage } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';

// INT-2: the platform admin's 「完整性校验」 — the same run as `liuhen verify`, started here and
// run in the background; the latest report, each discrepancy with its table, record and proof.

type Discrepancy = Schemas['IntegrityDiscrepancy'];
type Run = Schemas['IntegrityVerifyRun'];

const checkLabels: Record<Discrepancy['check'], string> = {
  log: '日志（Merkle 树与签名检查点）',
  event: '审计事件',
  record: '不可变记录',
  object: '原件',
};
const statusLabels: Record<Run['status'], string> = { queued: '排队中', running: '校验中', done: '已完成', failed: '未能完成' };
const tableLabels: Record<string, string> = {
  documents: '执法文书',
  document_signatures: '文书签名',
  document_attachments: '文书扫描件',
  matter_steps: '执法环节',
  step_approvals: '审核审批意见',
  av_records: '音像记录',
  av_bookmarks: '音像记录标记',
  av_interruptions: '记录中断说明',
  agency_policy_versions: '执法规范方案版本',
  calendar_notices: '节假日安排通知',
  legal_reviews: '法制审核',
  legal_review_messages: '法制审核往来意见',
  major_decision_lists: '重大执法决定目录',
  major_assessments: '重大执法决定认定',
  audit_events: '审计事件',
  log_leaves: '日志叶子',
  log_nodes: '日志子树哈希',
  log_checkpoints: '签名检查点',
  object_store: '原件存储',
};

function proofText(p: Discrepancy['proof']) {
  if (!p) return '—';
  return (
    [
      p.leafIndex !== undefined ? `日志第 ${p.leafIndex} 号叶子` : null,
      p.seq !== undefined ? `审计事件第 ${p.seq} 号` : null,
      p.checkpointSize !== undefined ? `树大小 ${p.checkpointSize} 的签名检查点` : null,
      p.expected ? `应为 ${p.expected.slice(0, 16)}…` : null,
      p.actual ? `实为 ${p.actual.slice(0, 16)}…` : null,
    ]
      .filter(Boolean)
      .join('；') || '—'
  );
}

const columns: TableColumnsType<Discrepancy> = [
  { title: '校验项', dataIndex: 'check', width: 150, render: (c: Discrepancy['check']) => checkLabels[c] },
  { title: '位置', dataIndex: 'table', width: 150, render: (t: string) => tableLabels[t] ?? '其他' },
  { title: '记录', dataIndex: 'recordId', width: 200, render: (id: string, d) => <Typography.Text copyable={{ text: id }}>{d.check === 'object' ? `SHA-256 ${id.slice(0, 12)}…` : `编号 ${id.length > 12 ? `${id.slice(0, 8)}…` : id}`}</Typography.Text> },
  { title: '问题', dataIndex: 'what' },
  { title: '证据', dataIndex: 'proof', width: 260, render: (p: Discrepancy['proof']) => proofText(p) },
];

export function IntegrityPage() {
  const { access } = useSession();
  const { message } = App.useApp();
  const allowed = access.platform.verifyIntegrity;
  const latest = useLoad(() => integrityApi.latestRun(), [], allowed);
  const [starting, setStarting] = useState(false);
  const run = latest.data?.run ?? null;
  const busy = run?.status === 'queued' || run?.status === 'running';

  // While a run is under way, look again every few seconds.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(latest.reload, 3000);
    return () => clearInterval(timer);
  }, [busy, latest.reload]);

  const start = async () => {
    setStarting(true);
    try {
      await integrityApi.startRun();
      void message.success('已开始完整性校验，完成后结果显示在此页');
      latest.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    } finally {
      setStarting(false);
    }
  };

  if (!allowed) return <Result status="403" title="无权访问" subTitle="完整性校验仅限平台管理员" />;
  const discrepancies = run?.reports.flatMap((r) => r.discrepancies) ?? [];
  return (
    <Page
      title="完整性校验"
      description="重算日志的 Merkle 树并核对每个签名检查点，核对每条审计事件和每条不可变记录的内容哈希，重新计算每个原件的 SHA-256。"
      extra={
        <Button type="primary" icon={<SyncOutlined spin={busy} />} loading={starting} disabled={busy} onClick={() => void start()} data-testid="integrity-start">
          {busy ? '校验进行中' : '开始校验'}
        </Button>
      }
    >
      {!run ? (
        <Card>
          <Empty image={<SafetyOutlined style={{ fontSize: 48 }} />} description="尚未做过完整性校验" />
        </Card>
      ) : (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          {run.status === 'done' ? (
            run.ok ? (
              <Alert type="success" showIcon icon={<CheckCircleOutlined />} message="全部一致：日志、审计事件、不可变记录和原件均未被改动" data-testid="integrity-ok" />
            ) : (
              <Alert type="error" showIcon icon={<CloseCircleOutlined />} message={`发现 ${discrepancies.length} 处不一致`} description="每一处都列出了所在位置、问题和证明它的日志叶子或签名检查点。" data-testid="integrity-failed" />
            )
          ) : run.status === 'failed' ? (
            <Alert type="warning" showIcon message="校验未能完成" description={run.failure ?? ''} />
          ) : (
            <Alert type="info" showIcon message={statusLabels[run.status]} description="校验在后台进行，可离开此页，稍后回来查看。" />
          )}
          <Card title="本次校验">
            <Descriptions
              column={{ xs: 1, md: 2 }}
              size="small"
              items={[
                { key: 'status', label: '状态', children: <Tag color={run.status === 'done' ? (run.ok ? 'green' : 'red') : 'blue'}>{statusLabels[run.status]}</Tag> },
                { key: 'by', label: '发起人', children: run.requestedByName ?? '—' },
                { key: 'at', label: '发起时间', children: formatDateTime(run.requestedAt) },
                { key: 'done', label: '完成时间', children: run.finishedAt ? formatDateTime(run.finishedAt) : '—' },
                ...run.reports.map((r) => ({
                  key: r.check,
                  label: checkLabels[r.check],
                  children: (
                    <span>
                      检查 {r.examined} 项，{r.discrepancies.length ? <Typography.Text type="danger">{r.discrepancies.length} 处不一致</Typography.Text> : '全部一致'}
                    </span>
                  ),
                })),
                ...(run.objectBytesPerSecond ? [{ key: 'speed', label: '原件重算速度', children: `${(run.objectBytesPerSecond / 1e6).toFixed(1)} MB/s` }] : []),
              ]}
            />
          </Card>
          {discrepancies.length ? (
            <Card title="不一致之处">
              <Table rowKey={(d) => `${d.check}:${d.table}:${d.recordId}:${d.what}`} columns={columns} dataSource={discrepancies} size="small" pagination={{ pageSize: 50 }} data-testid="integrity-discrepancies" />
            </Card>
          ) : null}
        </Space>
      )}
    </Page>
  );
}

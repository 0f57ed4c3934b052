import { AuditOutlined } from '@ant-design/icons';
import { Button, Card, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { matterApi, type QueueItem } from '../api/index.js';
import { DecisionModal, type DecisionTarget } from '../components/DecisionModal.js';
import { Guard, Page } from '../components/Page.js';
import { categoryName, stepStatusColor, stepStatusLabel } from '../matter-labels.js';
import { useSession } from '../session.js';
import { formatDateTime } from '../util/time.js';
import { useLoad } from '../util/useLoad.js';

export function ApprovalsPage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <Approvals />
    </Guard>
  );
}

/** 待审批 (CASE-4): the steps waiting for this user's review or approval, decided in place. */
function Approvals() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const queue = useLoad(() => matterApi.queue(agencyId), [agencyId]);
  const [target, setTarget] = useState<DecisionTarget | null>(null);
  const decides = access.can.decideReviewStage || access.can.decideApprovalStage;

  const columns: TableColumnsType<QueueItem> = [
    {
      title: '事项',
      key: 'matter',
      render: (_: unknown, r) => (
        <div>
          <Link to={`/matters/${r.matter.id}`} className="matter-number">
            {r.matter.number}
          </Link>
          <div className="matter-title">{r.matter.title}</div>
          <div className="muted">{categoryName(r.matter.category)}</div>
        </div>
      ),
    },
    {
      title: '环节',
      key: 'step',
      render: (_: unknown, r) => (
        <div>
          <b>{r.step.label}</b> <Tag color={stepStatusColor(r.step)}>{stepStatusLabel(r.step)}</Tag>
          {r.step.note ? <div className="muted clamp-2">{r.step.note}</div> : null}
        </div>
      ),
    },
    {
      title: '提交',
      key: 'by',
      width: 150,
      render: (_: unknown, r) => (
        <div>
          {r.step.recordedByName ?? '—'}
          <div className="muted">{formatDateTime(r.step.recordedAt).slice(0, 16)}</div>
        </div>
      ),
    },
    {
      title: '',
      key: 'act',
      width: 120,
      render: (_: unknown, r) => (
        <Button type="primary" icon={<AuditOutlined />} onClick={() => setTarget({ matterId: r.matter.id, matterNumber: r.matter.number, step: r.step })} data-testid={`queue-decide-${r.step.step}`}>
          {r.step.approvalStage === 'approve' ? '批准' : '审核'}
        </Button>
      ),
    },
  ];

  return (
    <Page title="待审批" description={decides ? '待您审核或批准的环节（承办人 → 审核人 → 批准人），按提交先后排列。' : '您没有审核人或批准人角色，这里不会有待办。'}>
      <Card className="section-card">
        <Table<QueueItem>
          rowKey={(r) => r.step.id}
          size="middle"
          columns={columns}
          dataSource={queue.data ?? []}
          loading={queue.loading}
          tableLayout="fixed"
          pagination={false}
          locale={{ emptyText: '暂无待审批的环节' }}
          data-testid="approval-queue"
        />
      </Card>
      <DecisionModal agencyId={agencyId} target={target} onClose={() => setTarget(null)} onDone={() => (setTarget(null), queue.reload())} />
    </Page>
  );
}

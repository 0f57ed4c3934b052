import '../../components/legal-review/legal-review.css';
import { AuditOutlined, FieldTimeOutlined } from '@ant-design/icons';
import { App, Button, Card, Segmented, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { legalReviewApi, type ReviewQueueItem, type ReviewStatus } from '../../api/legal-review.js';
import { useReviewDue } from '../../components/legal-review/due.js';
import { reviewStatusColors, reviewStatusLabels } from '../../components/legal-review/labels.js';
import { Guard, Page } from '../../components/Page.js';
import { categoryName } from '../../matter-labels.js';
import { useSession } from '../../session.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';

export function LegalReviewQueuePage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <Queue />
    </Guard>
  );
}

type Shown = Exclude<ReviewStatus, 'referred'>;

/** 法制审核 (REV-4, REV-5): the submissions by status, oldest first, with the deadline of 第十三条. */
function Queue() {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const { message } = App.useApp();
  const [status, setStatus] = useState<Shown>('submitted');
  const queue = useLoad(() => legalReviewApi.queue(agencyId, status), [agencyId, status]);
  const due = useReviewDue();
  const reviewer = access.can.decideLegalReview;
  const approver = access.can.approveLegalReviewExtension;

  const extend = async (id: string) => {
    try {
      await legalReviewApi.extend(agencyId, id);
      void message.success('已批准延长 5 个工作日');
      queue.reload();
    } catch (err) {
      showError(err, message);
    }
  };

  const columns: TableColumnsType<ReviewQueueItem> = [
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
      title: '送审',
      key: 'sub',
      width: 190,
      render: (_: unknown, r) => (
        <div>
          <b>第 {r.review.submissionVersion} 次</b> <Tag color={reviewStatusColors[r.review.status]}>{reviewStatusLabels[r.review.status]}</Tag>
          <div className="muted clamp-2">{r.review.materials.proposedDecision}</div>
        </div>
      ),
    },
    {
      title: '收到时间',
      key: 'received',
      width: 140,
      render: (_: unknown, r) => (
        <div>
          {formatDateTime(r.review.receivedAt).slice(0, 16)}
          <div className="muted">{r.review.submittedByName ?? ''}</div>
        </div>
      ),
    },
    {
      title: '审核期限',
      key: 'due',
      width: 130,
      render: (_: unknown, r) => {
        const d = due(r.review);
        return (
          <div data-testid="review-due">
            <Tag icon={<FieldTimeOutlined />} color={d.overdue ? 'red' : 'default'}>
              {d.due}
            </Tag>
            {d.extended ? <Tag color="blue">已延长</Tag> : null}
            {r.review.completedAt ? <div className="muted">完成 {formatDateTime(r.review.completedAt).slice(0, 10)}</div> : d.overdue ? <div className="warn-text">已超期</div> : null}
          </div>
        );
      },
    },
    {
      title: '',
      key: 'act',
      width: 124,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={6}>
          <Link to={`/legal-reviews/${r.review.id}`}>
            <Button type={reviewer && r.review.status === 'submitted' ? 'primary' : 'default'} icon={<AuditOutlined />} data-testid={`queue-review-${r.review.submissionVersion}`}>
              {reviewer && r.review.status === 'submitted' ? '审核' : '查看'}
            </Button>
          </Link>
          {approver && r.review.status === 'submitted' && !r.review.extensionApprovedAt ? (
            <Button onClick={() => void extend(r.review.id)} data-testid={`queue-extend-${r.review.submissionVersion}`}>
              批准延长
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <Page title="法制审核" description="重大执法决定送审的审核（河南省重大行政执法决定法制审核办法）：收到之日起 5 个工作日内完成，经机关负责人批准可延长 5 个工作日。">
      <Card className="section-card">
        <Segmented<Shown>
          value={status}
          onChange={setStatus}
          options={(['submitted', 'passed', 'failed', 'discussed'] as Shown[]).map((s) => ({ value: s, label: s === 'submitted' ? '待审核' : reviewStatusLabels[s] }))}
          data-testid="review-status-filter"
          style={{ marginBottom: 12 }}
        />
        <Table<ReviewQueueItem>
          rowKey={(r) => r.review.id}
          size="middle"
          columns={columns}
          dataSource={queue.data ?? []}
          loading={queue.loading}
          tableLayout="fixed"
          pagination={false}
          locale={{ emptyText: status === 'submitted' ? '暂无待审核的送审' : '暂无' }}
          data-testid="review-queue"
        />
      </Card>
    </Page>
  );
}

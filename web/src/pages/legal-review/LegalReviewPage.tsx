import '../../components/legal-review/legal-review.css';
import { ArrowLeftOutlined, FieldTimeOutlined, FileProtectOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Result, Row, Space, Spin, Tag } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { documentApi } from '../../api/index.js';
import { legalReviewApi } from '../../api/legal-review.js';
import { useReviewDue } from '../../components/legal-review/due.js';
import { reasonText, reviewStatusColors, reviewStatusLabels } from '../../components/legal-review/labels.js';
import { MaterialsView } from '../../components/legal-review/MaterialsView.js';
import { MessagesThread } from '../../components/legal-review/MessagesThread.js';
import { ReviewDecisionForm } from '../../components/legal-review/ReviewDecisionForm.js';
import { Guard, Page } from '../../components/Page.js';
import { useSession } from '../../session.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';
import { useLoad } from '../../util/useLoad.js';

export function LegalReviewPage() {
  return (
    <Guard allow={(a) => a.can.readMatters}>
      <ReviewView />
    </Guard>
  );
}

/** One submission under review (REV-4, REV-5): frozen materials and documents, requests, the decision. */
function ReviewView() {
  const { reviewId = '' } = useParams();
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const review = useLoad(() => legalReviewApi.get(agencyId, reviewId), [agencyId, reviewId]);
  const types = useLoad(() => documentApi.types(), []);
  const due = useReviewDue();
  const r = review.data;
  if (!r) return review.loading ? <Spin /> : <Result status="404" title="未找到该送审" />;
  const d = due(r);
  const open = r.status === 'submitted';
  const reviewer = access.can.decideLegalReview;

  const extend = async () => {
    try {
      await legalReviewApi.extend(agencyId, r.id);
      void message.success('已批准延长 5 个工作日');
      review.reload();
    } catch (err) {
      showError(err, message);
    }
  };

  return (
    <Page
      title={`法制审核：第 ${r.submissionVersion} 次送审`}
      description={
        <span data-testid="review-meta">
          <Link to={`/matters/${r.matterId}#legal-review`}>{r.materials.matter.number}</Link> · {r.materials.matter.title} · <Tag color={reviewStatusColors[r.status]}>{reviewStatusLabels[r.status]}</Tag>
        </span>
      }
      extra={
        <div className="page-actions">
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/legal-reviews')}>
            审核队列
          </Button>
          {open && access.can.approveLegalReviewExtension && !r.extensionApprovedAt ? (
            <Button onClick={() => void extend()} data-testid="review-extend">
              批准延长
            </Button>
          ) : null}
        </div>
      }
    >
      <Card className="section-card" size="small">
        <Space wrap size={12}>
          <span>
            收到：{formatDateTime(r.receivedAt).slice(0, 16)}（{r.submittedByName ?? '—'} 送审）
          </span>
          <Tag icon={<FieldTimeOutlined />} color={open && d.overdue ? 'red' : 'default'} data-testid="review-page-due">
            审核期限 {d.due}
          </Tag>
          {d.extended ? <Tag color="blue">已延长（{r.extensionApprovedByName ?? ''} 批准）</Tag> : null}
          <span className="muted">
            判断依据：{r.materials.assessment.reasons.map((x) => x.text).join('；') || '—'}
          </span>
        </Space>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={13}>
          <Card title="送审材料（已固定）" size="small" className="fill-card">
            <MaterialsView agencyId={agencyId} materials={r.materials} hash={r.materialsHash} types={types.data ?? []} />
          </Card>
        </Col>
        <Col xs={24} xl={11}>
          <Card title="补充材料、说明（第十条）" size="small" className="section-card">
            <MessagesThread agencyId={agencyId} reviewId={r.id} messages={r.messages} kind={open && reviewer ? 'request' : null} onSent={review.reload} />
            {!r.messages.length && !(open && reviewer) ? <span className="muted">无</span> : null}
          </Card>
          <Card title="审核意见" size="small" className="section-card">
            {open && reviewer ? (
              <ReviewDecisionForm agencyId={agencyId} review={r} onDecided={review.reload} />
            ) : open ? (
              <Alert type="info" showIcon title="等待法制审核人员审核" />
            ) : (
              <div data-testid="review-outcome-view">
                <p>
                  {r.reviewerName} 于 {formatDateTime(r.completedAt).slice(0, 16)} 审核：<Tag color={reviewStatusColors[r.status]}>{reviewStatusLabels[r.status]}</Tag>
                </p>
                {(r.failReasons ?? []).map((id) => (
                  <Tag key={id} color="red">
                    {reasonText(id)}
                  </Tag>
                ))}
                {r.explanation ? <p className="pre-wrap">{r.explanation}</p> : null}
                {r.opinionDocumentId ? (
                  <Space size={12}>
                    <Link to={`/documents/${r.opinionDocumentId}`} data-testid="review-opinion">
                      <FileProtectOutlined /> 法制审核意见书
                    </Link>
                    <a href={documentApi.printUrl(agencyId, r.opinionDocumentId)} target="_blank" rel="noreferrer" data-testid="review-opinion-print">
                      <PrinterOutlined /> 打印
                    </a>
                  </Space>
                ) : null}
              </div>
            )}
          </Card>
        </Col>
      </Row>
    </Page>
  );
}

import './legal-review.css';
import { AuditOutlined, CommentOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router-dom';
import { documentApi, type MatterDetail } from '../../api/index.js';
import { legalReviewApi, type Review } from '../../api/legal-review.js';
import { useSession } from '../../session.js';
import { useLoad } from '../../util/useLoad.js';
import { AssessmentModal } from './AssessmentModal.js';
import { AssessmentResult } from './AssessmentResult.js';
import { DiscussionModal } from './DiscussionModal.js';
import { useReviewDue } from './due.js';
import { REVIEWABLE } from './labels.js';
import { ReviewVersions } from './ReviewVersions.js';
import { SubmissionModal } from './SubmissionModal.js';

/**
 * 法制审核 on the matter page (REV-2 … REV-6, CASE-5): is the proposed decision major, the
 * submission, each version's outcome and opinion, the reviewer's requests, and after a failed
 * review either a revised resubmission or the collective discussion.
 */
export function LegalReviewPanel({ detail, onChanged }: { detail: MatterDetail; onChanged?: () => void }) {
  const { agency, access } = useSession();
  const agencyId = agency!.id;
  const m = detail.matter;
  const enabled = REVIEWABLE.has(m.category);
  const data = useLoad(() => legalReviewApi.ofMatter(agencyId, m.id), [agencyId, m.id, detail], enabled);
  const types = useLoad(() => documentApi.types(), [], enabled);
  const due = useReviewDue();
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);
  const [assessing, setAssessing] = useState(false);
  const [submitting, setSubmitting] = useState<{ previous?: Review } | null>(null);
  const [discussing, setDiscussing] = useState<Review | null>(null);
  const canWork = access.can.workOnMatters && m.status === 'open';

  // Arriving from a refused decision (…#legal-review): bring the panel into view.
  useEffect(() => {
    if (location.hash === '#legal-review' && data.data) ref.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [location.hash, location.key, data.data]);

  if (!enabled) return null;
  const d = data.data;
  const assessment = d?.assessment ?? null;
  const latest = d?.reviews.at(-1);
  const major = assessment?.result.major ?? false;
  const reload = () => {
    data.reload();
    onChanged?.();
  };

  let state: { type: 'info' | 'success' | 'warning' | 'error'; text: string };
  if (!assessment) state = { type: 'warning', text: '作出决定前，须先判断拟作出的决定是否属于重大执法决定（法制审核办法 第三条）。' };
  else if (!major) state = assessment.result.complete ? { type: 'success', text: '不属于重大执法决定，无需法制审核。' } : { type: 'warning', text: '尚未判断完毕，请回答其余标准。' };
  else if (!latest) state = { type: 'warning', text: '属于重大执法决定，须经法制审核通过后方可作出决定。请送交法制审核。' };
  else if (latest.status === 'submitted') state = { type: 'info', text: `第 ${latest.submissionVersion} 次送审正在法制审核中。` };
  else if (latest.status === 'failed') state = { type: 'error', text: `第 ${latest.submissionVersion} 次送审未通过法制审核：修改后再次送审，或意见不一致时提请集体讨论。` };
  else if (latest.status === 'discussed' && latest.discussionConclusion !== 'proceed') state = { type: 'warning', text: '集体讨论决定修改后再次送审。' };
  else state = { type: 'success', text: latest.status === 'passed' ? `第 ${latest.submissionVersion} 次送审已审核通过，可以作出决定。` : '集体讨论决定按拟作出的决定执行，可以作出决定。' };

  const revisable = latest && (latest.status === 'failed' || (latest.status === 'discussed' && latest.discussionConclusion !== 'proceed'));
  return (
    <div ref={ref} id="legal-review" className="lr-anchor">
      <Card
        title={
          <span>
            <AuditOutlined /> 法制审核（重大执法决定）
          </span>
        }
        className="section-card"
        style={{ marginTop: 16 }}
        loading={data.loading && !d}
        data-testid="legal-review-panel"
        extra={
          canWork ? (
            <Space wrap size={6}>
              <Button onClick={() => setAssessing(true)} data-testid="assess-open">
                {assessment ? '重新判断是否重大' : '判断是否重大'}
              </Button>
              {major && (!latest || latest.status === 'passed' || (latest.status === 'discussed' && latest.discussionConclusion === 'proceed')) ? (
                <Button type={latest ? 'default' : 'primary'} icon={<SendOutlined />} onClick={() => setSubmitting({ previous: latest })} data-testid="submission-open">
                  {latest ? '再次送审' : '送交法制审核'}
                </Button>
              ) : null}
              {revisable ? (
                <Button type="primary" icon={<EditOutlined />} onClick={() => setSubmitting({ previous: latest })} data-testid="resubmission-open">
                  修改后再次送审
                </Button>
              ) : null}
              {latest?.status === 'failed' ? (
                <Button icon={<CommentOutlined />} onClick={() => setDiscussing(latest)} data-testid="discussion-open">
                  提请集体讨论
                </Button>
              ) : null}
            </Space>
          ) : null
        }
      >
        <Alert type={state.type} showIcon title={state.text} className="lr-state" data-testid="legal-review-state" />
        {assessment ? <AssessmentResult assessment={assessment} /> : null}
        {d ? <ReviewVersions agencyId={agencyId} data={d} types={types.data ?? []} due={due} canAnswer={canWork} onChanged={reload} /> : null}
      </Card>
      <AssessmentModal open={assessing} agencyId={agencyId} detail={detail} previous={assessment} onClose={() => setAssessing(false)} onAssessed={data.reload} />
      <SubmissionModal open={!!submitting} agencyId={agencyId} detail={detail} previous={submitting?.previous} onClose={() => setSubmitting(null)} onSubmitted={() => (setSubmitting(null), reload())} />
      <DiscussionModal agencyId={agencyId} detail={detail} review={discussing} onClose={() => setDiscussing(null)} onDone={() => (setDiscussing(null), reload())} />
    </div>
  );
}

import { FieldTimeOutlined, FileProtectOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Collapse, Space, Tag } from 'antd';
import { Link } from 'react-router-dom';
import { documentApi, type DocType } from '../../api/index.js';
import { legalReviewApi, type MatterLegalReview } from '../../api/legal-review.js';
import { useSession } from '../../session.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';
import type { Due } from './due.js';
import { MaterialsView } from './MaterialsView.js';
import { MessagesThread } from './MessagesThread.js';
import { reasonText, reviewStatusColors, reviewStatusLabels } from './labels.js';

/** Every submission version of a matter (REV-3 … REV-6): status, deadline, opinion, messages, materials. */
export function ReviewVersions(props: { agencyId: string; data: MatterLegalReview; types: DocType[]; due: (r: { receivedAt: string; extensionApprovedAt: string | null; completedAt: string | null }) => Due; canAnswer: boolean; onChanged: () => void }) {
  const { agencyId, data, types, due, canAnswer, onChanged } = props;
  const { access } = useSession();
  const { message } = App.useApp();
  const extend = async (id: string) => {
    try {
      await legalReviewApi.extend(agencyId, id);
      void message.success('已批准延长 5 个工作日');
      onChanged();
    } catch (err) {
      showError(err, message);
    }
  };
  if (!data.reviews.length) return null;
  return (
    <div className="lr-versions" data-testid="review-versions">
      {[...data.reviews].reverse().map((r) => {
        const d = due(r);
        return (
          <div key={r.id} className={`lr-version lr-${r.status}`} data-testid={`review-v${r.submissionVersion}`}>
            <div className="lr-version-head">
              <Space wrap size={6}>
                <b>第 {r.submissionVersion} 次送审</b>
                <Tag color={reviewStatusColors[r.status]} data-testid="review-status">
                  {reviewStatusLabels[r.status]}
                </Tag>
                <span className="muted">
                  {formatDateTime(r.receivedAt).slice(0, 16)} {r.submittedByName ?? ''} 送审
                </span>
                {r.status === 'submitted' ? (
                  <Tag icon={<FieldTimeOutlined />} color={d.overdue ? 'red' : 'default'}>
                    审核期限 {d.due}
                    {d.extended ? '（已延长）' : ''}
                  </Tag>
                ) : null}
              </Space>
              {r.status === 'submitted' && access.can.approveLegalReviewExtension && !r.extensionApprovedAt ? (
                <Button size="small" onClick={() => void extend(r.id)} data-testid={`extend-${r.submissionVersion}`}>
                  批准延长
                </Button>
              ) : null}
            </div>
            {r.completedAt ? (
              <div className="lr-outcome">
                {r.reviewerName} 于 {formatDateTime(r.completedAt).slice(0, 16)} 审核{r.status === 'failed' ? '，不予通过：' : '。'}
                {(r.failReasons ?? []).map((id) => (
                  <Tag key={id} color="red">
                    {reasonText(id)}
                  </Tag>
                ))}
                {r.explanation ? <div className="pre-wrap">{r.explanation}</div> : null}
              </div>
            ) : null}
            {r.discussionConclusion ? <div className="lr-outcome">集体讨论结论：{r.discussionConclusion === 'proceed' ? '按拟作出的决定执行' : '修改后再次送审'}</div> : null}
            {r.opinionDocumentId ? (
              <Space size={12} className="lr-opinion">
                <Link to={`/documents/${r.opinionDocumentId}`} data-testid={`opinion-${r.submissionVersion}`}>
                  <FileProtectOutlined /> 法制审核意见书
                </Link>
                <a href={documentApi.printUrl(agencyId, r.opinionDocumentId)} target="_blank" rel="noreferrer" data-testid={`opinion-print-${r.submissionVersion}`}>
                  <PrinterOutlined /> 打印
                </a>
              </Space>
            ) : null}
            <MessagesThread agencyId={agencyId} reviewId={r.id} messages={r.messages} kind={canAnswer && r.status === 'submitted' && r.messages.some((m) => m.kind === 'request') ? 'answer' : null} onSent={onChanged} />
            <Collapse
              size="small"
              ghost
              items={[{ key: 'm', label: '送审材料', children: <MaterialsView agencyId={agencyId} materials={r.materials} hash={r.materialsHash} types={types} /> }]}
            />
          </div>
        );
      })}
    </div>
  );
}

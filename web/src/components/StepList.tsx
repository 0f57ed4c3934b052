import { AuditOutlined, FileTextOutlined, RedoOutlined } from '@ant-design/icons';
import { App, Button, Empty, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { matterApi, type DocType, type MatterDetail, type Officer, type Step, type TimelineEntry } from '../api/index.js';
import { docStatusLabels, phaseColors, phaseLabel, stepStatusColor, stepStatusLabel } from '../matter-labels.js';
import { useSession } from '../session.js';
import { typesForStep, type MatterDoc } from '../util/documents.js';
import { showError } from '../util/errors.js';
import { formatDateTime } from '../util/time.js';

/**
 * The recorded steps of a matter (CASE-2, CASE-4): status, who and where, the approval history,
 * the step's documents; 审核/批准 for reviewers and approvers, 重新提交 for a returned step.
 */
export function StepList(props: {
  agencyId: string;
  detail: MatterDetail;
  officers: Officer[];
  approvals: TimelineEntry[];
  docs: MatterDoc[];
  types: DocType[];
  onDecide: (s: Step) => void;
  onDraft: (s: Step) => void;
  onChanged: () => void;
}) {
  const { agencyId, detail, officers, approvals, docs, types, onDecide, onDraft, onChanged } = props;
  const { access } = useSession();
  const { message } = App.useApp();
  const [resubmitting, setResubmitting] = useState<Step | null>(null);
  const [opinion, setOpinion] = useState('');
  const name = (id: string) => officers.find((o) => o.id === id)?.name ?? detail.officers.find((o) => o.id === id)?.name ?? '—';
  const canDecide = (s: Step) => s.status === 'pending' && ((s.approvalStage === 'review' && access.can.decideReviewStage) || (s.approvalStage === 'approve' && access.can.decideApprovalStage));
  const typeName = (id: string) => types.find((t) => t.id === id)?.name ?? id;

  const resubmit = async () => {
    if (!resubmitting) return;
    try {
      await matterApi.resubmit(agencyId, detail.matter.id, resubmitting.id, opinion.trim());
      void message.success('已重新提交审核');
      setResubmitting(null);
      onChanged();
    } catch (err) {
      showError(err, message);
    }
  };

  if (!detail.steps.length) return <Empty description="尚未记录任何环节" />;
  return (
    <div className="step-list" data-testid="step-list">
      {detail.steps.map((s) => {
        const history = approvals.filter((a) => a.stepId === s.id);
        const stepDocs = docs.filter((d) => d.stepId === s.id);
        const draftable = typesForStep(types, detail.matter.category, s.step).length > 0;
        return (
          <div key={s.id} className="step-item" style={{ borderLeftColor: phaseColors[s.phase] }} data-testid={`step-${s.step}`}>
            <div className="step-head">
              <Space wrap size={6}>
                <b className="step-label">{s.label}</b>
                <Tag color={phaseColors[s.phase]}>{phaseLabel(s.phase)}</Tag>
                <Tag color={stepStatusColor(s)} data-testid="step-status">
                  {stepStatusLabel(s)}
                </Tag>
              </Space>
              <Space wrap size={6}>
                {canDecide(s) ? (
                  <Button type="primary" icon={<AuditOutlined />} onClick={() => onDecide(s)} data-testid={`decide-${s.step}`}>
                    {s.approvalStage === 'approve' ? '批准/退回' : '审核/退回'}
                  </Button>
                ) : null}
                {s.status === 'returned' ? (
                  <Button icon={<RedoOutlined />} onClick={() => (setOpinion(''), setResubmitting(s))} data-testid={`resubmit-${s.step}`}>
                    重新提交
                  </Button>
                ) : null}
                {draftable ? (
                  <Button icon={<FileTextOutlined />} onClick={() => onDraft(s)} data-testid={`docs-${s.step}`}>
                    文书
                  </Button>
                ) : null}
              </Space>
            </div>
            <div className="step-meta">
              {formatDateTime(s.occurredAt).slice(0, 16)}
              {s.place ? ` · ${s.place}` : ''} · 执法人员：{s.officerIds.map(name).join('、') || '—'}
              {s.officerIds.length < 2 && s.phase === 'investigation' ? <Tag color="warning" className="inline-tag">不足两人</Tag> : null}
            </div>
            {s.note ? <Typography.Paragraph className="step-note">{s.note}</Typography.Paragraph> : null}
            {history.length ? (
              <ul className="approval-history">
                {history.map((a) => (
                  <li key={a.objectId} className={`approval-${String(a.detail.decision)}`}>
                    <span className="muted">{formatDateTime(a.at).slice(5, 16)}</span> {a.actor} {a.title.split('：')[0]}
                    {a.detail.opinion ? `：${String(a.detail.opinion)}` : ''}
                    {a.detail.signed ? <Tag className="inline-tag">已签名</Tag> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {stepDocs.length ? (
              <div className="step-docs">
                {stepDocs.map((d) => (
                  <Link key={d.id} to={`/documents/${d.id}`} className="doc-chip" data-testid={`doc-link-${d.typeId}`}>
                    <FileTextOutlined /> {typeName(d.typeId)}
                    {d.version > 1 ? ` 第${d.version}版` : ''} <Tag color={d.status === 'issued' ? 'green' : 'default'}>{d.number ?? docStatusLabels[d.status]}</Tag>
                  </Link>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      <Modal open={!!resubmitting} title={`重新提交：${resubmitting?.label ?? ''}`} okText="提交" okButtonProps={{ disabled: !opinion.trim(), 'data-testid': 'resubmit-save' }} onOk={() => void resubmit()} onCancel={() => setResubmitting(null)} destroyOnHidden>
        <Input.TextArea autoSize={{ minRows: 3 }} value={opinion} onChange={(e) => setOpinion(e.target.value)} placeholder="说明按退回意见所作的修改" data-testid="resubmit-opinion" />
      </Modal>
    </div>
  );
}

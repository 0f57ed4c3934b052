import { App, Form, Input, Modal, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { documentApi, type MatterDetail } from '../../api/index.js';
import { legalReviewApi, type Review, type SubmissionInput } from '../../api/legal-review.js';
import { docStatusLabels } from '../../matter-labels.js';
import { showError } from '../../util/errors.js';
import { useLoad } from '../../util/useLoad.js';
import { submissionPrefill } from './prefill.js';

const area = (label: string, name: keyof SubmissionInput, required: boolean, placeholder?: string) => (
  <Form.Item label={label} name={name} className="span-2" rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}>
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder={placeholder} data-testid={`submission-${name}`} />
  </Form.Item>
);

/**
 * 送交法制审核 (REV-3, REV-6): the proposed decision and the investigation-end report's parts; the
 * server adds the matter's documents with their hashes and freezes the whole when it is sent.
 */
export function SubmissionModal(props: { open: boolean; agencyId: string; detail: MatterDetail; previous?: Review; onClose: () => void; onSubmitted: (r: Review) => void }) {
  const { open, agencyId, detail, previous, onClose, onSubmitted } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<SubmissionInput>();
  const [busy, setBusy] = useState(false);
  const docs = useLoad(() => legalReviewApi.matterDocuments(agencyId, detail.matter.id), [agencyId, detail.matter.id, open], open);
  const types = useLoad(() => documentApi.types(), [], open);

  useEffect(() => {
    if (!open || !docs.data || !types.data) return;
    form.resetFields();
    form.setFieldsValue(submissionPrefill(previous, docs.data, types.data));
  }, [open, docs.data, types.data, previous, form]);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const r = await legalReviewApi.submit(agencyId, detail.matter.id, { ...v, hearingAppraisal: v.hearingAppraisal?.trim() || null, otherNotes: v.otherNotes?.trim() || null });
      void message.success(`已送交法制审核（第 ${r.submissionVersion} 次送审），送审材料已固定`);
      onSubmitted(r);
    } catch (err) {
      showError(err, message, form);
    } finally {
      setBusy(false);
    }
  };
  const typeName = (id: string) => types.data?.find((t) => t.id === id)?.name ?? id;

  return (
    <Modal
      open={open}
      title={previous ? `修改后再次送审（原第 ${previous.submissionVersion} 次）` : '送交法制审核'}
      okText="送审"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={busy}
      onCancel={onClose}
      destroyOnHidden
      width={760}
      okButtonProps={{ 'data-testid': 'submission-save' }}
    >
      <p className="muted">依《河南省重大行政执法决定法制审核办法》第八条提交。送审后材料即固定，不能修改；修改须再次送审。</p>
      <Form form={form} layout="vertical" name="submission" className="form-grid">
        {area('拟作出的执法决定', 'proposedDecision', true, '如：吊销《食品经营许可证》')}
        {area('基本事实', 'facts', true)}
        {area('适用法律、法规、规章', 'lawApplied', true)}
        {area('行政裁量基准运用情况', 'discretionStandard', true)}
        {area('证据情况', 'evidenceSummary', true, '证据名称、来源、证明内容；鉴定、检验报告')}
        {area('听证、评估、鉴定等情况', 'hearingAppraisal', false)}
        {area('其他需要说明的情况', 'otherNotes', false)}
      </Form>
      <div className="lr-doc-list" data-testid="submission-documents">
        <b>随同送审的案卷文书（按现状固定）：</b>
        {(docs.data ?? []).length ? (
          (docs.data ?? []).map((d) => (
            <Tag key={d.id} color={d.status === 'issued' ? 'green' : 'default'}>
              {typeName(d.typeId)} {d.number ?? docStatusLabels[d.status]}
            </Tag>
          ))
        ) : (
          <span className="muted">尚无文书</span>
        )}
      </div>
    </Modal>
  );
}

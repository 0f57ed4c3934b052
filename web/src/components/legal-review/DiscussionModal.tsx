import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import type { MatterDetail } from '../../api/index.js';
import { legalReviewApi, type Review } from '../../api/legal-review.js';
import { showError } from '../../util/errors.js';
import { formatDateTime } from '../../util/time.js';

type Values = { stepId: string; conclusion: 'proceed' | 'revise'; summary: string };

/** 第十四条 (REV-6): a disagreement after a failed review is decided by the recorded 集体讨论. */
export function DiscussionModal(props: { agencyId: string; detail: MatterDetail; review: Review | null; onClose: () => void; onDone: () => void }) {
  const { agencyId, detail, review, onClose, onDone } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const steps = detail.steps.filter((s) => s.step === 'collective_discussion' && s.status !== 'returned');
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await legalReviewApi.discuss(agencyId, review!.id, { ...v, summary: v.summary.trim() });
      void message.success('已记录集体讨论结论');
      onDone();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open={!!review} title="提请集体讨论（法制审核办法 第十四条）" okText="记录结论" onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={640} okButtonProps={{ 'data-testid': 'discussion-save' }}>
      <p className="muted">承办人与法制审核人员意见不一致的，提请机关负责人集体讨论决定。请先在“记录环节”中记录“集体讨论”，再在此选择并记录结论。</p>
      <Form form={form} layout="vertical" name="discussion" initialValues={{ conclusion: 'proceed' }}>
        <Form.Item label="集体讨论环节" name="stepId" rules={[{ required: true, message: steps.length ? '请选择集体讨论环节' : '本事项尚未记录“集体讨论”环节' }]}>
          <Select options={steps.map((s) => ({ value: s.id, label: `${s.label} ${formatDateTime(s.occurredAt).slice(0, 16)}${s.place ? ` · ${s.place}` : ''}` }))} notFoundContent="尚未记录集体讨论" data-testid="discussion-step" />
        </Form.Item>
        <Form.Item label="结论" name="conclusion">
          <Radio.Group options={[{ value: 'proceed', label: '按拟作出的决定执行' }, { value: 'revise', label: '修改后再次送审' }]} />
        </Form.Item>
        <Form.Item label="讨论结论摘要" name="summary" rules={[{ required: true, whitespace: true, message: '请填写讨论结论' }]}>
          <Input.TextArea autoSize={{ minRows: 3 }} data-testid="discussion-summary" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

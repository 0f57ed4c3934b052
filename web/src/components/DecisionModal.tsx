import { App, Form, Input, Modal, Segmented } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { matterApi, type Step } from '../api/index.js';
import { showError } from '../util/errors.js';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad.js';

export type DecisionTarget = { matterId: string; matterNumber?: string; step: Step };

/** 审核/批准 or 退回 a step (CASE-4) with an opinion and, optionally, a drawn signature. */
export function DecisionModal({ agencyId, target, onClose, onDone }: { agencyId: string; target: DecisionTarget | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<{ decision: 'approve' | 'return'; opinion: string }>();
  const { message } = App.useApp();
  const pad = useRef<SignaturePadHandle>(null);
  const [saving, setSaving] = useState(false);
  const stage = target?.step.approvalStage === 'approve' ? 'approve' : 'review';
  const agree = stage === 'approve' ? '批准' : '审核通过';
  const decision = Form.useWatch('decision', form);

  useEffect(() => {
    if (target) form.setFieldsValue({ decision: 'approve', opinion: stage === 'approve' ? '同意。' : '经审核，事实清楚，依据充分，同意报批。' });
  }, [target, form, stage]);

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await matterApi.decide(agencyId, target.matterId, target.step.id, { decision: v.decision, opinion: v.opinion.trim(), signatureDataUrl: pad.current?.toDataUrl() ?? null });
      void message.success(v.decision === 'return' ? '已退回承办人' : `已${agree}：${target.step.label}`);
      onDone();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={!!target}
      title={`${stage === 'approve' ? '批准' : '审核'}：${target?.step.label ?? ''}${target?.matterNumber ? `（${target.matterNumber}）` : ''}`}
      okText={decision === 'return' ? '退回' : agree}
      okButtonProps={{ danger: decision === 'return', 'data-testid': 'decision-submit' }}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form form={form} layout="vertical" name="decision">
        <Form.Item name="decision" label="意见">
          <Segmented
            block
            options={[
              { value: 'approve', label: agree },
              { value: 'return', label: '退回承办人' },
            ]}
            data-testid="decision-choice"
          />
        </Form.Item>
        <Form.Item name="opinion" label={stage === 'approve' ? '批准人意见' : '审核人意见'} rules={[{ required: true, whitespace: true, message: '请填写意见' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="decision-opinion" />
        </Form.Item>
        <Form.Item label="签名（可选）">
          <SignaturePad ref={pad} height={140} testId="decision-signature" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

import { App, DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { avApi, type InterruptionCause } from '../../api/av.js';
import { showError } from '../../util/errors.js';
import { dayjs, pickedToIso, zone } from '../../util/time.js';
import { causeLabels } from './av-labels.js';

type Values = { cause: InterruptionCause; interruptedAt: Dayjs; resumed: boolean; resumedAt?: Dayjs; resumeStatement?: string; writtenExplanation?: string; reportedTo?: string };
export type InterruptionTarget = { matterId: string; stepId: string | null; avRecordId: string | null; around: string | null };

/**
 * 记录中断 (AV-8): why recording stopped; on resuming, the statement spoken into the recording;
 * where it could not go on, a written explanation; a device fault is reported to the superior.
 */
export function InterruptionModal({ agencyId, target, onClose, onDone }: { agencyId: string; target: InterruptionTarget | null; onClose: () => void; onDone: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const resumed = Form.useWatch('resumed', form) as boolean | undefined;
  const cause = Form.useWatch('cause', form) as InterruptionCause | undefined;

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    form.setFieldsValue({ resumed: true, interruptedAt: (target.around ? dayjs(target.around) : dayjs()).tz(zone).startOf('minute') });
  }, [form, target]);

  const submit = async () => {
    if (!target) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      await avApi.interrupt(agencyId, {
        matterId: target.matterId,
        stepId: target.stepId,
        avRecordId: target.avRecordId,
        cause: v.cause,
        interruptedAt: pickedToIso(v.interruptedAt),
        resumedAt: v.resumed && v.resumedAt ? pickedToIso(v.resumedAt) : null,
        resumeStatement: v.resumed ? v.resumeStatement?.trim() || null : null,
        writtenExplanation: v.resumed ? null : v.writtenExplanation?.trim() || null,
        reportedTo: v.reportedTo?.trim() || null,
      });
      void message.success('已记录中断');
      onDone();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setSaving(false);
    }
  };

  const picker = (testId: string) => <DatePicker showTime={{ format: 'HH:mm:ss' }} format="YYYY-MM-DD HH:mm:ss" style={{ width: '100%' }} data-testid={testId} />;
  return (
    <Modal
      open={!!target}
      title="记录音像记录中断"
      okText="记录"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      okButtonProps={{ 'data-testid': 'interruption-save' }}
    >
      <Form form={form} layout="vertical" name="av-interruption" className="form-grid">
        <Form.Item label="中断原因" name="cause" rules={[{ required: true, message: '请选择中断原因' }]}>
          <Select options={Object.entries(causeLabels).map(([value, label]) => ({ value, label }))} data-testid="interruption-cause" />
        </Form.Item>
        <Form.Item label="中断时间（北京时间）" name="interruptedAt" rules={[{ required: true, message: '请填写中断时间' }]}>
          {picker('interruption-at')}
        </Form.Item>
        <Form.Item label="之后" name="resumed" className="span-2">
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: true, label: '已恢复记录' }, { value: false, label: '未能继续记录' }]} data-testid="interruption-resumed" />
        </Form.Item>
        {resumed ? (
          <>
            <Form.Item
              label="恢复时间"
              name="resumedAt"
              dependencies={['interruptedAt']}
              rules={[
                { required: true, message: '请填写恢复时间' },
                ({ getFieldValue }) => ({ validator: (_, v?: Dayjs) => (v && v.isBefore(getFieldValue('interruptedAt')) ? Promise.reject(new Error('恢复时间不能早于中断时间')) : Promise.resolve()) }),
              ]}
            >
              {picker('interruption-resumed-at')}
            </Form.Item>
            <div />
            <Form.Item label="恢复时的语音说明" name="resumeStatement" className="span-2" rules={[{ required: true, whitespace: true, message: '恢复记录时须口述说明中断原因' }]}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如 因电量不足中断两分钟，现恢复录像" data-testid="interruption-statement" />
            </Form.Item>
          </>
        ) : (
          <Form.Item label="书面说明" name="writtenExplanation" className="span-2" rules={[{ required: true, whitespace: true, message: '未能继续记录的，须书面说明' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 6 }} placeholder="说明未能继续记录的原因和之后如何记录执法过程" data-testid="interruption-explanation" />
          </Form.Item>
        )}
        <Form.Item
          label="已报告上级"
          name="reportedTo"
          className="span-2"
          rules={[{ required: cause === 'device_fault', whitespace: true, message: '设备故障须即时报告上级，请填写报告对象' }]}
          extra={cause === 'device_fault' ? '设备故障应当即时报告上级' : undefined}
        >
          <Input placeholder="如 执法队长 王某" data-testid="interruption-reported-to" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

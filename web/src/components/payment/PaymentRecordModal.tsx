import { Alert, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MatterDetail } from '../../api/index.js';
import { paymentApi } from '../../api/payment.js';
import { ApiError } from '../../api/index.js';
import { dayjs } from '../../util/time.js';

type Values = { partyId: string; amountYuan: number; paidOn: Dayjs; receiptNumber: string; method: 'bank' | 'electronic' | 'on_the_spot'; purpose: 'fine' | 'surcharge'; note?: string };

const METHODS = [{ value: 'bank', label: '指定银行缴纳' }, { value: 'electronic', label: '电子支付系统缴纳' }, { value: 'on_the_spot', label: '当场收缴' }];
const PURPOSES = [{ value: 'fine', label: '罚款' }, { value: 'surcharge', label: '加处罚款' }];

/** Records one payment from its receipt (票据); the server refuses more than is owed. */
export function PaymentRecordModal({ open, agencyId, detail, onClose, onRecorded }: { open: boolean; agencyId: string; detail: MatterDetail; onClose: () => void; onRecorded: () => void }) {
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setProblem(null);
    try {
      await paymentApi.record(agencyId, detail.matter.id, { partyId: v.partyId, amountFen: Math.round(v.amountYuan * 100), paidOn: v.paidOn.format('YYYY-MM-DD'), receiptNumber: v.receiptNumber, method: v.method, purpose: v.purpose, note: v.note ?? null });
      form.resetFields();
      onRecorded();
    } catch (err) {
      setProblem(err instanceof ApiError ? err.message : '保存失败，请稍后重试');
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open={open} title="记录缴款" okText="保存" cancelText="取消" onOk={() => void save().catch(() => undefined)} onCancel={onClose} confirmLoading={saving} okButtonProps={{ 'data-testid': 'payment-save' }} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ partyId: detail.parties[0]?.id, paidOn: dayjs(), method: 'bank', purpose: 'fine' }}>
        <Form.Item label="缴款人" name="partyId" rules={[{ required: true, message: '请选择缴款人' }]}>
          <Select options={detail.parties.map((p) => ({ value: p.id, label: p.name }))} data-testid="payment-party" />
        </Form.Item>
        <Form.Item label="缴纳项目" name="purpose" rules={[{ required: true }]}>
          <Select options={PURPOSES} data-testid="payment-purpose" />
        </Form.Item>
        <Form.Item label="金额（元）" name="amountYuan" rules={[{ required: true, message: '请填写金额' }]}>
          <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="payment-amount" />
        </Form.Item>
        <Form.Item label="缴纳日期" name="paidOn" rules={[{ required: true, message: '请选择缴纳日期' }]}>
          <DatePicker style={{ width: '100%' }} data-testid="payment-paidOn" />
        </Form.Item>
        <Form.Item label="缴纳方式" name="method" rules={[{ required: true }]}>
          <Select options={METHODS} data-testid="payment-method" />
        </Form.Item>
        <Form.Item label="票据号码" name="receiptNumber" rules={[{ required: true, message: '请填写票据号码' }]}>
          <Input data-testid="payment-receipt" />
        </Form.Item>
        <Form.Item label="备注" name="note">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
      {problem ? <Alert type="error" showIcon message={problem} data-testid="payment-problem" /> : null}
    </Modal>
  );
}

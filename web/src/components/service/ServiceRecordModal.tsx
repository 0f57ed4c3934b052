import { Alert, App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { detailsOf, POST_KIND_LABELS, POST_KINDS, RECIPIENT_RELATIONS, SERVICE_METHOD_LABELS, SERVICE_METHODS, validateServiceRecord, type ServiceMethod } from '../../../../src/rules/service/service-record.js';
import type { MatterDetail } from '../../api/index.js';
import { avApi } from '../../api/av.js';
import { serviceApi, type ServiceInput } from '../../api/service.js';
import { showError } from '../../util/errors.js';
import { dayjs, formatDateTime, pickedToIso } from '../../util/time.js';

type Details = ServiceInput['details'];
type Values = { documentId: string; partyId: string; method: ServiceMethod; servedAt: Dayjs; place?: string } & Omit<Details, 'receiptReturnedOn' | 'publishedOn'> & { receiptReturnedOn?: Dayjs; publishedOn?: Dayjs };

const text = (name: keyof Details, label: string, area = false) => (
  <Form.Item key={name} label={label} name={name}>
    {area ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} data-testid={`service-${name}`} /> : <Input data-testid={`service-${name}`} />}
  </Form.Item>
);
const check = (name: keyof Details, label: string) => (
  <Form.Item key={name} name={name} valuePropName="checked">
    <Checkbox data-testid={`service-${name}`}>{label}</Checkbox>
  </Form.Item>
);
const day = (name: 'receiptReturnedOn' | 'publishedOn', label: string) => (
  <Form.Item key={name} label={label} name={name}>
    <DatePicker style={{ width: '100%' }} data-testid={`service-${name}`} />
  </Form.Item>
);

// What each method must record (S1 第二十二–二十六条); the same rule checks it on the server.
type AvOption = { value: string; label: string };
const methodFields: Record<ServiceMethod, (av: AvOption[]) => React.ReactNode[]> = {
  direct: () => [
    text('recipientName', '签收人姓名'),
    <Form.Item key="relation" label="签收人与受送达人的关系" name="relation">
      <Select options={RECIPIENT_RELATIONS.map((r) => ({ value: r, label: r }))} data-testid="service-relation" />
    </Form.Item>,
    check('signed', '签收人已在送达回证上签名或盖章'),
  ],
  post: () => [
    <Form.Item key="postKind" label="邮寄方式" name="postKind">
      <Select options={POST_KINDS.map((k) => ({ value: k, label: POST_KIND_LABELS[k] }))} data-testid="service-postKind" />
    </Form.Item>,
    text('trackingNumber', '付邮凭证号（挂号/快递单号）'),
    day('receiptReturnedOn', '回执签收日期（未返回可暂不填）'),
  ],
  left_at_premises: (av) => [
    text('refusalReason', '拒收事由', true),
    text('witnessName', '见证人姓名'),
    // Picked from the matter's AV records by what they show, never typed as an id.
    <Form.Item key="avRecordId" label="或：记录送达过程的音像记录" name="avRecordId">
      <Select allowClear options={av} placeholder={av.length ? '选择本事项的音像记录' : '本事项尚无音像记录'} data-testid="service-avRecordId" />
    </Form.Item>,
  ],
  entrusted: () => [text('reason', '委托原因', true), text('entrustedBody', '受委托单位'), check('serverSigned', '送达人已签名'), check('recipientSigned', '受送达人已签名')],
  forwarded: () => [text('reason', '转交原因', true), text('entrustedBody', '代为转交的单位'), check('serverSigned', '送达人已签名'), check('recipientSigned', '受送达人已签名')],
  public_notice: () => [
    text('otherMethodsFailed', '其他方式均无法送达的情况', true),
    text('medium', '公告方式和载体'),
    check('noticeKept', '已留存书面公告'),
    day('publishedOn', '公告发布日期'),
    <Form.Item key="waitingDays" label="公告期（天），期满视为送达（民事诉讼法 第九十五条：三十日）" name="waitingDays">
      <InputNumber min={1} max={365} style={{ width: '100%' }} data-testid="service-waitingDays" />
    </Form.Item>,
  ],
  electronic: () => [check('addressConfirmationSigned', '受送达人已签署送达地址确认书，同意电子送达'), text('electronicAddress', '电子送达地址')],
};

const toInput = (v: Values): ServiceInput => {
  const { documentId, partyId, method, servedAt, place, receiptReturnedOn, publishedOn, ...rest } = v;
  // Only the chosen method's facts: the form keeps what was typed under a method chosen before.
  const details = detailsOf(method, { ...rest, receiptReturnedOn: receiptReturnedOn?.format('YYYY-MM-DD') ?? null, publishedOn: publishedOn?.format('YYYY-MM-DD') ?? null }) as Details;
  return { documentId, partyId, method, servedAt: pickedToIso(servedAt), place: place?.trim() || null, details };
};

/** 记录送达 (SRV-1): the document, the party, the method and the facts that method must record. */
export function ServiceRecordModal(props: { open: boolean; agencyId: string; detail: MatterDetail; documents: { id: string; label: string }[]; onClose: () => void; onRecorded: () => void }) {
  const { open, agencyId, detail, documents, onClose, onRecorded } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const method = Form.useWatch('method', form);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [avOptions, setAvOptions] = useState<AvOption[]>([]);
  useEffect(() => {
    if (!open) return;
    avApi
      .forMatter(agencyId, detail.matter.id)
      .then((records) => setAvOptions(records.map((r) => ({ value: r.id, label: `${r.title || r.originalFileName || '音像记录'}（${formatDateTime(r.startedAt ?? r.ingestedAt)}）` }))))
      .catch(() => setAvOptions([]));
  }, [open, agencyId, detail.matter.id]);

  const submit = async () => {
    const v = await form.validateFields();
    const input = toInput(v);
    const found = validateServiceRecord({ method: input.method, servedOn: v.servedAt.format('YYYY-MM-DD'), details: input.details });
    setProblems(found);
    if (found.length) return;
    setBusy(true);
    try {
      await serviceApi.record(agencyId, detail.matter.id, input);
      form.resetFields();
      onRecorded();
    } catch (err) {
      showError(err, message, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open={open} title="记录送达" okText="保存" onOk={() => void submit().catch(() => undefined)} confirmLoading={busy} onCancel={onClose} destroyOnHidden width={640} okButtonProps={{ 'data-testid': 'service-save' }}>
      <Form form={form} layout="vertical" initialValues={{ partyId: detail.parties[0]?.id, servedAt: dayjs(), waitingDays: 30 }} onValuesChange={() => setProblems([])}>
        <Form.Item label="送达的文书" name="documentId" rules={[{ required: true, message: '请选择已定稿的文书' }]}>
          <Select options={documents.map((d) => ({ value: d.id, label: d.label }))} data-testid="service-document" />
        </Form.Item>
        <Form.Item label="受送达人" name="partyId" rules={[{ required: true, message: '请选择受送达人' }]}>
          <Select options={detail.parties.map((p) => ({ value: p.id, label: p.name }))} data-testid="service-party" />
        </Form.Item>
        <Form.Item label="送达方式" name="method" rules={[{ required: true, message: '请选择送达方式' }]}>
          <Select options={SERVICE_METHODS.map((m) => ({ value: m, label: SERVICE_METHOD_LABELS[m] }))} data-testid="service-method" />
        </Form.Item>
        <Form.Item label={method === 'post' ? '交邮时间' : method === 'public_notice' ? '公告时间' : '送达时间'} name="servedAt" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker showTime style={{ width: '100%' }} data-testid="service-servedAt" />
        </Form.Item>
        <Form.Item label="送达地点" name="place">
          <Input data-testid="service-place" />
        </Form.Item>
        {method ? methodFields[method](avOptions) : null}
        {problems.length ? <Alert type="error" showIcon message="还缺少以下记录" description={<ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>} data-testid="service-problems" /> : null}
      </Form>
    </Modal>
  );
}

import { Alert, App, Form, Input, InputNumber, Modal, Radio, Select, TimePicker } from 'antd';
import { useEffect, useState } from 'react';
import { ApiError, policyApi, type DeadlineRule, type ParameterPath, type PolicyProfile } from '../api/index.js';
import { anchorLabels, deadlineKindLabels, describeValue, parameterAt, parameterInfo, rolloverLabels } from '../rules-labels.js';
import { errorMessage } from '../util/errors.js';
import { dayjs } from '../util/time.js';
import type { Dayjs } from 'dayjs';

type Values = {
  mode: 'set' | 'unset';
  anchor?: 'recordingEnd' | 'return';
  kind?: DeadlineRule['kind'];
  amount?: number;
  closesAt?: Dayjs | null;
  number?: number;
  text?: string;
  time?: Dayjs | null;
  rollover?: boolean;
  basis: string;
};

const hhmm = (d: Dayjs | null | undefined) => (d ? d.format('HH:mm') : undefined);

/** Form values from the current value of a parameter, and back. */
function toForm(path: ParameterPath, value: unknown): Partial<Values> {
  if (value === null || value === undefined) return { mode: 'unset', kind: 'workingDays', anchor: 'recordingEnd' };
  const kind = parameterInfo[path].kind;
  const rule = (kind === 'avStorage' ? (value as { rule: DeadlineRule }).rule : value) as DeadlineRule;
  switch (kind) {
    case 'avStorage':
    case 'deadline':
      return {
        mode: 'set',
        anchor: kind === 'avStorage' ? (value as { anchor: Values['anchor'] }).anchor : undefined,
        kind: rule.kind,
        amount: rule.kind === 'hours' ? rule.hours : rule.kind === 'sameWorkday' ? undefined : rule.days,
        closesAt: 'closesAt' in rule && rule.closesAt ? dayjs(rule.closesAt, 'HH:mm') : null,
      };
    case 'years':
    case 'officers':
      return { mode: 'set', number: value as number };
    case 'equipment':
      return { mode: 'set', number: (value as { perUnit: number }).perUnit };
    case 'text':
      return { mode: 'set', text: value as string };
    case 'triggers':
      return { mode: 'set', text: (value as { text: string }[]).map((t) => t.text).join('\n') };
    case 'time':
      return { mode: 'set', time: dayjs(value as string, 'HH:mm') };
    case 'rollover':
      return { mode: 'set', rollover: value as boolean };
  }
}

function fromForm(path: ParameterPath, v: Values, old: unknown): unknown {
  if (v.mode === 'unset') return null;
  const kind = parameterInfo[path].kind;
  if (kind === 'avStorage' || kind === 'deadline') {
    const closesAt = hhmm(v.closesAt);
    const rule: DeadlineRule =
      v.kind === 'hours'
        ? { kind: 'hours', hours: v.amount! }
        : v.kind === 'sameWorkday'
          ? { kind: 'sameWorkday' }
          : { kind: v.kind!, days: v.amount!, ...(closesAt ? { closesAt } : {}) };
    return kind === 'avStorage' ? { anchor: v.anchor, rule } : rule;
  }
  if (kind === 'equipment') return { device: 'body_camera', unit: 'team', perUnit: v.number };
  if (kind === 'time') return hhmm(v.time);
  if (kind === 'rollover') return v.rollover;
  if (kind === 'triggers') {
    const previous = (Array.isArray(old) ? old : []) as { id: string; text: string }[];
    const lines = (v.text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
    return lines.map((text, i) => ({ id: previous.find((p) => p.text === text)?.id ?? `agency_trigger_${i + 1}`, text }));
  }
  if (kind === 'text') return v.text?.trim();
  return v.number;
}

/** 调整 one parameter: a form suited to its type, or 设为未规定; a new version with the stated basis. */
export function ParameterEditModal(props: { agencyId: string; profile: PolicyProfile; path: ParameterPath | null; onClose: () => void; onSaved: () => void }) {
  const { agencyId, profile, path, onClose, onSaved } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [issues, setIssues] = useState<string[]>([]);
  const mode = Form.useWatch('mode', form);
  const kind = Form.useWatch('kind', form);
  const current = path ? parameterAt(profile, path) : null;

  useEffect(() => {
    if (!path || !current) return;
    form.resetFields();
    form.setFieldsValue({ ...toForm(path, current.value), basis: '' });
    setIssues([]);
  }, [path]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!path || !current) return null;
  const info = parameterInfo[path];

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setIssues([]);
    try {
      await policyApi.adjust(agencyId, { parameters: { [path]: fromForm(path, v, current.value) }, basis: v.basis.trim() });
      void message.success(`已调整：${info.label}`);
      onSaved();
    } catch (err) {
      const details = err instanceof ApiError ? ((err.details as { issues?: { path: string; message: string }[] })?.issues ?? []) : [];
      setIssues(details.length ? details.map((i) => i.message) : [errorMessage(err)]);
      void message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  const isDeadline = info.kind === 'avStorage' || info.kind === 'deadline';
  const amountMin = kind === 'calendarDays' ? 0 : 1;
  return (
    <Modal
      open
      title={`调整：${info.label}`}
      okText="保存为新版本"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'param-save' }}
    >
      <Alert type="info" showIcon className="modal-alert" title={`现行：${describeValue(path, current)}`} />
      <Form form={form} layout="vertical" name="param">
        <Form.Item name="mode">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'set', label: '规定为' },
              { value: 'unset', label: '设为未规定' },
            ]}
            data-testid="param-mode"
          />
        </Form.Item>
        {mode === 'set' && isDeadline ? (
          <div className="form-grid">
            {info.kind === 'avStorage' ? (
              <Form.Item label="起算" name="anchor" rules={[{ required: true, message: '请选择起算点' }]} className="span-2">
                <Radio.Group options={Object.entries(anchorLabels).map(([value, label]) => ({ value, label }))} />
              </Form.Item>
            ) : null}
            <Form.Item label="时限类型" name="kind" rules={[{ required: true, message: '请选择时限类型' }]}>
              <Select options={Object.entries(deadlineKindLabels).map(([value, label]) => ({ value, label }))} data-testid="param-kind" />
            </Form.Item>
            {kind !== 'sameWorkday' ? (
              <Form.Item label={kind === 'hours' ? '小时数' : kind === 'calendarDays' ? '日数（0 = 当天）' : '工作日数'} name="amount" rules={[{ required: true, message: '请填写数值' }]}>
                <InputNumber min={amountMin} max={kind === 'hours' ? 8784 : 3660} precision={kind === 'hours' ? undefined : 0} style={{ width: '100%' }} data-testid="param-amount" />
              </Form.Item>
            ) : (
              <div />
            )}
            {kind === 'calendarDays' || kind === 'workingDays' ? (
              <Form.Item label="截止钟点（可选）" name="closesAt" extra="不填则至当日 24:00">
                <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
              </Form.Item>
            ) : null}
          </div>
        ) : null}
        {mode === 'set' && (info.kind === 'years' || info.kind === 'officers' || info.kind === 'equipment') ? (
          <Form.Item label={info.kind === 'years' ? '年数' : info.kind === 'officers' ? '人数' : '每个执法队台数'} name="number" rules={[{ required: true, message: '请填写数值' }]}>
            <InputNumber min={1} max={999} precision={0} style={{ width: 200 }} data-testid="param-number" />
          </Form.Item>
        ) : null}
        {mode === 'set' && (info.kind === 'text' || info.kind === 'triggers') ? (
          <Form.Item label={info.kind === 'triggers' ? '情形（每行一条）' : '用语'} name="text" rules={[{ required: true, whitespace: true, message: '请填写内容' }]}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="param-text" />
          </Form.Item>
        ) : null}
        {mode === 'set' && info.kind === 'time' ? (
          <Form.Item label="钟点" name="time" rules={[{ required: true, message: '请选择时间' }]}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: 200 }} />
          </Form.Item>
        ) : null}
        {mode === 'set' && info.kind === 'rollover' ? (
          <Form.Item label="期限末日遇节假日" name="rollover" rules={[{ required: true, message: '请选择' }]}>
            <Radio.Group
              options={[
                { value: true, label: rolloverLabels.true },
                { value: false, label: rolloverLabels.false },
              ]}
              data-testid="param-rollover"
            />
          </Form.Item>
        ) : null}
        <Form.Item label="调整依据" name="basis" extra="文号、会议纪要或理由；此后依本项发现的问题将引用该依据" rules={[{ required: true, whitespace: true, message: '请写明调整依据' }, { min: 2, message: '请写明调整依据' }, { max: 500, message: '不超过 500 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} placeholder="如 局务会议纪要〔2026〕3号" data-testid="param-basis" />
        </Form.Item>
      </Form>
      {issues.length ? <Alert type="error" showIcon title="未能保存" description={issues.join('；')} data-testid="param-error" /> : null}
    </Modal>
  );
}

import { Alert, App, Checkbox, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { ApiError, matterApi, type MatterDetail, type Officer, type Step } from '../api/index.js';
import { isInvestigative, phaseLabel } from '../matter-labels.js';
import { gateReason, GateRefusal } from './legal-review/GateRefusal.js';
import { factsValues, StepFactsFields } from './StepFactsFields.js';
import { showError } from '../util/errors.js';
import { dayjs, pickedToIso, zone } from '../util/time.js';

type Values = { step: string; occurredAt: Dayjs; place?: string; note?: string; officerIds: string[]; avConditionApplies?: boolean };

/**
 * 记录环节 (CASE-2): one of the steps the lifecycle allows now, when and where it happened and
 * who was present. Investigative steps want two officers (ORG-2): a warning, not a block. An
 * out-of-order step is refused by the server with what is missing (CASE-5), shown as it says.
 */
export function StepRecordModal(props: { open: boolean; agencyId: string; detail: MatterDetail; officers: Officer[]; initialStep?: string; onClose: () => void; onRecorded: (s: Step) => void }) {
  const { open, agencyId, detail, officers, initialStep, onClose, onRecorded } = props;
  const [form] = Form.useForm<Values>();
  const [factsForm] = Form.useForm();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [gated, setGated] = useState(false);
  const step = Form.useWatch('step', form);
  const present = (Form.useWatch('officerIds', form) ?? []) as string[];
  const investigative = step ? isInvestigative(detail.matter.category, step) : false;
  const next = detail.nextSteps.find((s) => s.step === step);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    factsForm.resetFields();
    setRefusal(null);
    // Now, but never before the matter was registered (the picker keeps whole seconds).
    const earliest = dayjs(detail.matter.createdAt).add(1, 'second').startOf('second');
    const now = dayjs();
    form.setFieldsValue({ step: initialStep ?? detail.nextSteps[0]?.step, occurredAt: (now.isBefore(earliest) ? earliest : now).tz(zone), officerIds: detail.officers.map((o) => o.id) });
  }, [open, form, factsForm, detail, initialStep]);

  const facts = next?.fields ?? [];
  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    setRefusal(null);
    try {
      const s = await matterApi.recordStep(agencyId, detail.matter.id, {
        step: v.step,
        occurredAt: pickedToIso(v.occurredAt),
        place: v.place?.trim() || null,
        note: v.note?.trim() || null,
        officerIds: v.officerIds,
        ...(next?.avCondition ? { avConditionApplies: Boolean(v.avConditionApplies) } : {}),
        ...(facts.length ? { details: factsValues(factsForm, facts) } : {}),
      });
      void message.success(s.status === 'pending' ? `已记录“${s.label}”，已提交审核` : `已记录“${s.label}”`);
      onRecorded(s);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'OUT_OF_ORDER') (setRefusal(err.message), setGated(gateReason(err) !== null));
      // Gaps in the step's facts go onto the facts form; the rest onto the step's own fields.
      const onFacts = err instanceof ApiError && err.issues.length > 0 && err.issues.every((i) => facts.some((f) => f.key === (i.field.split('.')[0] ?? '')));
      showError(err, message, onFacts ? factsForm : form);
    } finally {
      setSaving(false);
    }
  };

  const officerOptions = officers
    .filter((o) => o.active)
    .map((o) => ({ value: o.id, disabled: !o.certificateValid, label: `${o.name}（${o.certificateNo}${o.certificateValid ? '' : '，证件失效'}）` }));

  return (
    <Modal
      open={open}
      title={`记录环节：${detail.matter.number}`}
      okText="记录"
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      width={facts.length ? 880 : 680}
      // On a tablet (1024×768) the long on-the-spot form scrolls inside the dialog, buttons in reach.
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 210px)', overflowY: 'auto' } }}
      okButtonProps={{ 'data-testid': 'step-save' }}
    >
      {refusal && gated ? <GateRefusal matterId={detail.matter.id} message={refusal} onLeave={onClose} /> : refusal ? <Alert className="modal-alert" type="error" showIcon title="不能记录此环节" description={refusal} data-testid="step-refusal" /> : null}
      <Form form={form} layout="vertical" name="step" className="form-grid">
        <Form.Item label="环节" name="step" className="span-2" rules={[{ required: true, message: '请选择环节' }]} extra={next?.approval ? '此环节需经审核人审核、批准人批准（记录后自动提交）' : undefined}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={detail.nextSteps.map((s) => ({ value: s.step, label: `${s.label}（${phaseLabel(s.phase)}）${s.approval ? ' · 需审批' : ''}` }))}
            data-testid="step-choice"
          />
        </Form.Item>
        <Form.Item label="发生时间（北京时间）" name="occurredAt" rules={[{ required: true, message: '请选择时间' }]}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="step-time" />
        </Form.Item>
        <Form.Item label="地点" name="place" rules={[{ max: 200, message: '不能超过 200 字' }]}>
          <Input placeholder="如 方城县释之路 88 号店内" data-testid="step-place" />
        </Form.Item>
        <Form.Item
          label="在场执法人员"
          name="officerIds"
          className="span-2"
          rules={[{ required: true, type: 'array', min: 1, message: '至少选择一名执法人员' }]}
          help={investigative && present.length < 2 ? <span className="warn-text">调查、检查应由两名以上执法人员进行（行政处罚法第四十二条），不足两人将列为问题</span> : undefined}
        >
          <Select mode="multiple" showSearch={{ optionFilterProp: 'label' }} options={officerOptions} data-testid="step-officers" />
        </Form.Item>
        <Form.Item label="情况说明" name="note" className="span-2" rules={[{ max: 5000, message: '不能超过 5000 字' }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} placeholder="简要记录经过；需审批的环节写明理由" data-testid="step-note" />
        </Form.Item>
        {next?.avCondition ? (
          // The checklist makes AV mandatory only under this condition; the officer says whether it applies.
          <Form.Item name="avConditionApplies" valuePropName="checked" className="span-2" extra="符合时须进行音像记录（事项清单）">
            <Checkbox data-testid="step-av-condition">{next.avCondition}</Checkbox>
          </Form.Item>
        ) : null}
        {facts.length ? <StepFactsFields form={factsForm} fields={facts} source={next?.factsSource ?? null} detail={detail} officers={officers} /> : null}
        {investigative ? (
          <div className="span-2">
            <Tag color="blue">调查取证环节</Tag>
            <span className="muted">请同时制作相应笔录，并按事项清单进行音像记录。</span>
          </div>
        ) : null}
      </Form>
    </Modal>
  );
}

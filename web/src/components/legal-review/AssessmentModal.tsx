import { App, Button, Divider, Form, InputNumber, Modal, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { legalReviewApi, type Assessment, type Proposal, type ProposedMeasure } from '../../api/legal-review.js';
import type { MatterDetail } from '../../api/index.js';
import { showError } from '../../util/errors.js';
import { AssessmentResult } from './AssessmentResult.js';
import { measureLabels, measuresFor } from './labels.js';

type Values = { measures: ProposedMeasure[]; fineAmount?: number | null; confiscationValue?: number | null; stopsBusiness?: 'yes' | 'no'; hearing: 'auto' | 'yes' | 'no' };

/**
 * 是否属于重大执法决定 (REV-2): what the handler proposes (measures, amounts), then yes/no to each
 * criterion the data cannot settle; every press of 判断 records an assessment with its reasons.
 */
export function AssessmentModal(props: { open: boolean; agencyId: string; detail: MatterDetail; previous: Assessment | null; onClose: () => void; onAssessed: () => void }) {
  const { open, agencyId, detail, previous, onClose, onAssessed } = props;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [answers, setAnswers] = useState<Record<string, boolean>>({});
  const [result, setResult] = useState<Assessment | null>(null);
  const [busy, setBusy] = useState(false);
  const measures = (Form.useWatch('measures', form) ?? []) as ProposedMeasure[];
  const category = detail.matter.category;
  const coercive = category.startsWith('coercive') && (measures.includes('seal_premises') || measures.includes('seize_licence'));

  useEffect(() => {
    if (!open) return;
    const f = previous?.facts;
    form.resetFields();
    form.setFieldsValue({
      measures: f?.measures ?? [],
      fineAmount: f?.fineAmount ?? null,
      confiscationValue: f?.confiscationValue ?? null,
      stopsBusiness: f?.stopsBusiness === true ? 'yes' : f?.stopsBusiness === false ? 'no' : undefined,
      hearing: 'auto',
    });
    setAnswers(previous?.answers ?? {});
    setResult(null);
    // Only when the modal opens: a new assessment reloads `previous`, which must not clear the result.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, form]);

  const run = async () => {
    const v = await form.validateFields();
    const proposal: Proposal = {
      measures: v.measures,
      fineAmount: v.measures.includes('fine') ? (v.fineAmount ?? null) : null,
      confiscationValue: v.measures.includes('confiscation') ? (v.confiscationValue ?? null) : null,
      stopsBusiness: coercive && v.stopsBusiness ? v.stopsBusiness === 'yes' : null,
      ...(v.hearing === 'auto' ? {} : { hearingHeld: v.hearing === 'yes' }),
    };
    setBusy(true);
    try {
      const a = await legalReviewApi.assess(agencyId, detail.matter.id, proposal, answers);
      setResult(a);
      onAssessed();
      if (a.result.complete) void message.success(a.result.major ? '判断完毕：属于重大执法决定，须经法制审核' : '判断完毕：不属于重大执法决定');
    } catch (err) {
      showError(err, message, form);
    } finally {
      setBusy(false);
    }
  };

  const questions = result?.result.questions ?? [];
  const answer = (id: string, yes: boolean) => setAnswers((x) => ({ ...x, [id]: yes }));

  return (
    <Modal
      open={open}
      title={`是否属于重大执法决定：${detail.matter.number}`}
      onCancel={onClose}
      destroyOnHidden
      width={720}
      footer={
        <Space>
          <Button onClick={onClose} data-testid="assess-close">
            {result?.result.complete ? '完成' : '关闭'}
          </Button>
          <Button type="primary" loading={busy} onClick={() => void run().catch(() => undefined)} data-testid="assess-run">
            {result ? '重新判断' : '判断'}
          </Button>
        </Space>
      }
    >
      <Form form={form} layout="vertical" name="assessment" className="form-grid">
        <Form.Item label="拟作出的决定内容" name="measures" className="span-2" rules={[{ required: true, type: 'array', min: 1, message: '请选择拟作出的决定内容' }]}>
          <Select mode="multiple" options={measuresFor(category).map((m) => ({ value: m, label: measureLabels[m] }))} data-testid="assess-measures" />
        </Form.Item>
        {measures.includes('fine') ? (
          <Form.Item label="罚款金额（元）" name="fineAmount">
            <InputNumber min={0} style={{ width: '100%' }} data-testid="assess-fine" />
          </Form.Item>
        ) : null}
        {measures.includes('confiscation') ? (
          <Form.Item label="没收财物价值（元）" name="confiscationValue">
            <InputNumber min={0} style={{ width: '100%' }} data-testid="assess-confiscation" />
          </Form.Item>
        ) : null}
        {coercive ? (
          <Form.Item label="是否使生产经营活动、工作难以正常进行" name="stopsBusiness">
            <Radio.Group options={[{ value: 'yes', label: '是' }, { value: 'no', label: '否' }]} />
          </Form.Item>
        ) : null}
        <Form.Item label="是否经过听证" name="hearing" className="span-2">
          <Radio.Group options={[{ value: 'auto', label: '依本事项记录的环节' }, { value: 'yes', label: '已听证' }, { value: 'no', label: '未听证' }]} />
        </Form.Item>
      </Form>
      {questions.length ? (
        <div className="lr-questions" data-testid="assess-questions">
          <Divider titlePlacement="start">事项数据不能判断的标准，请逐项回答</Divider>
          {questions.map((q) => (
            <div key={q.criterionId} className="lr-question" data-testid={`assess-q-${q.criterionId}`}>
              <div>
                {q.text} <span className="muted">{q.source}</span>
              </div>
              <Radio.Group value={answers[q.criterionId]} onChange={(e) => answer(q.criterionId, e.target.value as boolean)} options={[{ value: true, label: '是' }, { value: false, label: '否' }]} />
            </div>
          ))}
          <Button size="small" onClick={() => setAnswers((x) => ({ ...x, ...Object.fromEntries(questions.filter((q) => x[q.criterionId] === undefined).map((q) => [q.criterionId, false])) }))} data-testid="assess-rest-no">
            未选的均为“否”
          </Button>
        </div>
      ) : null}
      {result ? (
        <>
          <Divider titlePlacement="start">判断结果</Divider>
          <AssessmentResult assessment={result} />
        </>
      ) : null}
    </Modal>
  );
}

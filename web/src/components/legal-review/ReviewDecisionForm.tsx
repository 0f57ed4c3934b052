import { CheckOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Form, Input, Popconfirm, Radio } from 'antd';
import { useState } from 'react';
import { legalReviewApi, type FailReasonId, type PointResult, type Review } from '../../api/legal-review.js';
import { showError } from '../../util/errors.js';
import { FAIL_REASONS, REVIEW_POINTS } from './labels.js';

type Values = { points: Record<string, { result?: 'ok' | 'problem'; note?: string }>; outcome?: 'pass' | 'fail'; failReasons?: FailReasonId[]; explanation?: string };

/**
 * REV-4: the 8 review points of 第九条 each 符合 or 存在问题 with a note; pass, or fail with the
 * reasons of 第十一条 and an explanation. Submitting issues the 法制审核意见书.
 */
export function ReviewDecisionForm({ agencyId, review, onDecided }: { agencyId: string; review: Review; onDecided: (r: Review) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const outcome = Form.useWatch('outcome', form);
  const points = (Form.useWatch('points', form) ?? {}) as Values['points'];
  const problems = REVIEW_POINTS.filter((p) => points[p.id]?.result === 'problem').length;

  const allOk = () => form.setFieldsValue({ points: Object.fromEntries(REVIEW_POINTS.map((p) => [p.id, { ...form.getFieldValue(['points', p.id]), result: 'ok' }])) });

  const submit = async () => {
    const v = await form.validateFields();
    const body = {
      points: REVIEW_POINTS.map((p): PointResult => ({ id: p.id, result: v.points[p.id]!.result!, note: v.points[p.id]?.note?.trim() || null })),
      outcome: v.outcome!,
      failReasons: v.outcome === 'fail' ? (v.failReasons ?? []) : [],
      explanation: v.explanation!.trim(),
    };
    setBusy(true);
    try {
      const r = await legalReviewApi.decide(agencyId, review.id, body);
      void message.success(r.status === 'passed' ? '审核通过，已出具法制审核意见书' : '不予通过，已出具法制审核意见书');
      onDecided(r);
    } catch (err) {
      showError(err, message, form);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout="vertical" name="review-decision" className="lr-decision" data-testid="review-decision">
      <div className="lr-points-head">
        <b>审核事项（第九条）</b>
        <Button size="small" icon={<CheckOutlined />} onClick={allOk} data-testid="points-all-ok">
          全部符合
        </Button>
      </div>
      {REVIEW_POINTS.map((p, i) => (
        <div key={p.id} className="lr-point" data-testid={`point-${p.id}`}>
          <div className="lr-point-text">
            {i + 1}. {p.text}
          </div>
          <Form.Item name={['points', p.id, 'result']} rules={[{ required: true, message: '请给出结论' }]} className="lr-point-result">
            <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'ok', label: '符合' }, { value: 'problem', label: '存在问题' }]} />
          </Form.Item>
          <Form.Item name={['points', p.id, 'note']} className="lr-point-note" rules={[{ max: 2000, message: '不能超过 2000 字' }]}>
            <Input placeholder={points[p.id]?.result === 'problem' ? '请说明存在的问题' : '说明（可选）'} data-testid={`point-note-${p.id}`} />
          </Form.Item>
        </div>
      ))}
      <Form.Item label="审核结论" name="outcome" rules={[{ required: true, message: '请选择审核结论' }]}>
        <Radio.Group
          options={[
            { value: 'pass', label: '审核通过', disabled: problems > 0 },
            { value: 'fail', label: '不予通过' },
          ]}
          data-testid="review-outcome"
        />
      </Form.Item>
      {problems > 0 && outcome !== 'fail' ? <Alert type="warning" showIcon className="lr-inline-alert" title={`有 ${problems} 项存在问题，不能审核通过`} /> : null}
      {outcome === 'fail' ? (
        <Form.Item label="不予通过的情形（第十一条，至少一项）" name="failReasons" rules={[{ required: true, type: 'array', min: 1, message: '请至少选择一项' }]}>
          <Checkbox.Group className="lr-reasons-check" options={FAIL_REASONS.map((r) => ({ value: r.id, label: r.text }))} data-testid="review-fail-reasons" />
        </Form.Item>
      ) : null}
      <Form.Item label={outcome === 'fail' ? '审核意见和建议' : '审核意见'} name="explanation" rules={[{ required: true, whitespace: true, message: '请填写审核意见' }]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="review-explanation" />
      </Form.Item>
      <Popconfirm title="提交后将出具法制审核意见书，结论不能更改。确定提交？" okText="提交" cancelText="取消" onConfirm={() => void submit().catch(() => undefined)} okButtonProps={{ 'data-testid': 'review-submit-confirm' }}>
        <Button type="primary" loading={busy} data-testid="review-submit">
          提交审核意见
        </Button>
      </Popconfirm>
    </Form>
  );
}

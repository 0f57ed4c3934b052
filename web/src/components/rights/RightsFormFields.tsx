import { DatePicker, Form, Input, Radio, Select } from 'antd';
import { RECUSAL_DECISION_LABELS, RECUSAL_DECISIONS, REQUEST_CHANNEL_LABELS, REQUEST_CHANNELS, REVIEW_RESULT_LABELS, REVIEW_RESULTS, STATEMENT_FORM_LABELS, STATEMENT_FORMS } from '../../../../src/rules/rights/vocabulary.js';

// The fields of each 当事人权利 form (CASE-8, CASE-9). Each mode is one POST route of
// src/domains/rights/routes.ts; what the law demands beyond shape is checked there.

export type RightsMode = 'statement' | 'review' | 'hearing_request' | 'hearing_schedule' | 'hearing_held' | 'recusal' | 'recusal_decision' | 'refusal';

export const MODE_TITLES: Record<RightsMode, string> = {
  statement: '记录陈述、申辩或放弃',
  review: '复核陈述、申辩',
  hearing_request: '记录听证申请',
  hearing_schedule: '安排听证（听证通知）',
  hearing_held: '记录举行听证',
  recusal: '记录回避申请',
  recusal_decision: '回避申请的决定',
  refusal: '记录拒绝配合',
};

export type Option = { value: string; label: string };
export type FieldOptions = { parties: Option[]; matterOfficers: Option[]; agencyOfficers: Option[]; statementRecords: Option[]; hearingRecords: Option[]; issuedDocs: Option[]; acceptedRequests: Option[]; av: Option[] };

const required = (message: string) => [{ required: true, message }];
const pick = (name: string, label: string, options: Option[], opts: { need?: string; placeholder?: string } = {}) => (
  <Form.Item key={name} label={label} name={name} rules={opts.need ? required(opts.need) : []}>
    <Select allowClear={!opts.need} options={options} placeholder={opts.placeholder} data-testid={`rights-${name}`} />
  </Form.Item>
);
const text = (name: string, label: string, need?: string, area = false) => (
  <Form.Item key={name} label={label} name={name} rules={need ? required(need) : []}>
    {area ? <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid={`rights-${name}`} /> : <Input data-testid={`rights-${name}`} />}
  </Form.Item>
);
const when = (name: string, label: string, need?: string) => (
  <Form.Item key={name} label={label} name={name} rules={need ? required(need) : []}>
    <DatePicker showTime style={{ width: '100%' }} data-testid={`rights-${name}`} />
  </Form.Item>
);
const day = (name: string, label: string, need?: string) => (
  <Form.Item key={name} label={label} name={name} rules={need ? required(need) : []}>
    <DatePicker style={{ width: '100%' }} data-testid={`rights-${name}`} />
  </Form.Item>
);
const labelled = <K extends string>(keys: readonly K[], labels: Record<K, string>): Option[] => keys.map((k) => ({ value: k, label: labels[k] }));

export function rightsFields(mode: RightsMode, o: FieldOptions, waived: boolean) {
  switch (mode) {
    case 'statement':
      return [
        pick('partyId', '当事人', o.parties, { need: '请选择当事人' }),
        <Form.Item key="waived" name="waived" label="当事人的表示">
          <Radio.Group options={[{ value: false, label: '进行陈述、申辩' }, { value: true, label: '放弃陈述、申辩' }]} data-testid="rights-waived" />
        </Form.Item>,
        pick('form', '方式', labelled(STATEMENT_FORMS, STATEMENT_FORM_LABELS), { need: '请选择方式' }),
        when('at', '时间', '请选择时间'),
        text('content', waived ? '放弃的表示（如何表达放弃）' : '陈述、申辩内容', '请填写内容', true),
        pick('documentId', '陈述申辩笔录（如有）', o.statementRecords, { placeholder: o.statementRecords.length ? '选择已定稿的陈述申辩笔录' : '本事项尚无已定稿的陈述申辩笔录' }),
      ];
    case 'review':
      return [
        pick('result', '复核结果', labelled(REVIEW_RESULTS, REVIEW_RESULT_LABELS), { need: '请选择复核结果' }),
        text('reasons', '理由（不予采纳、部分采纳的必须写明）', undefined, true),
        when('at', '复核时间'),
      ];
    case 'hearing_request':
      return [
        pick('partyId', '当事人', o.parties, { need: '请选择当事人' }),
        pick('channel', '提出方式', labelled(REQUEST_CHANNELS, REQUEST_CHANNEL_LABELS), { need: '请选择提出方式' }),
        day('requestDay', '申请日期（邮寄的为交邮日）', '请选择申请日期'),
        text('content', '申请内容', undefined, true),
      ];
    case 'hearing_schedule':
      return [
        pick('hearingRequestId', '已受理的听证申请', o.acceptedRequests, { need: '请选择听证申请' }),
        when('scheduledAt', '听证时间', '请选择听证时间'),
        text('place', '听证地点', '请填写听证地点'),
        pick('hostOfficerId', '主持人（从本机关人员中选择，不得为本案调查人员）', o.agencyOfficers),
        text('hostName', '主持人姓名', '请填写主持人姓名'),
        <Form.Item key="public" name="public" label="是否公开举行" rules={required('请选择')}>
          <Radio.Group options={[{ value: true, label: '公开' }, { value: false, label: '不公开' }]} data-testid="rights-public" />
        </Form.Item>,
        day('noticeServedOn', '听证通知书送达日期（已送达的）'),
        pick('noticeDocumentId', '听证通知书（已定稿的，如有）', o.issuedDocs),
      ];
    case 'hearing_held':
      return [
        when('heldAt', '举行时间', '请选择举行时间'),
        text('attendees', '参加人员', '请填写参加人员', true),
        pick('documentId', '听证笔录', o.hearingRecords, { placeholder: o.hearingRecords.length ? '选择已定稿的听证笔录' : '本事项尚无已定稿的听证笔录' }),
        text('summary', '听证结果摘要', '请填写结果摘要', true),
        day('noticeServedOn', '听证通知书送达日期（安排时未填的）'),
      ];
    case 'recusal':
      return [
        pick('partyId', '申请人（当事人）', o.parties),
        when('at', '申请时间', '请选择申请时间'),
        pick('officerId', '被申请回避的执法人员', o.matterOfficers),
        text('against', '被申请回避的人员姓名', '请填写姓名'),
        text('reason', '申请理由', '请填写申请理由', true),
      ];
    case 'recusal_decision':
      return [
        pick('decision', '决定', labelled(RECUSAL_DECISIONS, RECUSAL_DECISION_LABELS), { need: '请选择决定' }),
        text('decidedBy', '决定人（行政机关负责人）', '请填写决定人'),
        when('at', '决定时间', '请选择决定时间'),
        text('reason', '理由（驳回的必须写明）', undefined, true),
      ];
    case 'refusal':
      return [
        pick('partyId', '当事人', o.parties),
        when('at', '时间', '请选择时间'),
        text('what', '拒绝配合的事项', '请填写拒绝配合的事项', true),
        text('witnessName', '见证人姓名'),
        // Picked from the matter's AV records by what they show, never typed as an id.
        pick('avRecordId', '或：记录经过的音像记录', o.av, { placeholder: o.av.length ? '选择本事项的音像记录' : '本事项尚无音像记录' }),
      ];
  }
}

import { describe, expect, it } from 'vitest';
import { createCalendar } from '../../calendar/index.js';
import { checkStepFacts, type StepFactsContext } from './index.js';

const calendar = createCalendar();
type Over = Partial<StepFactsContext>;
const at = (day: string, hhmm = '10:00') => new Date(`${day}T${hhmm}:00+08:00`);
const ctx = (step: string, day: string, over: Over = {}): StepFactsContext => ({
  category: 'penalty_general', step, occurredAt: at(day), occurredOn: day,
  steps: [], parties: [], documents: [], services: [], payments: [], calendar, rollOverAgencyDays: false, ...over,
});
const step = (name: string, day: string, details: Record<string, unknown> | null = null, done = true) => ({ id: `${name}-${day}`, step: name, done, occurredAt: at(day), occurredOn: day, details });
const fineDecision = (yuan = 10_000) => ({ id: 'dec', typeId: 'penalty_decision', status: 'issued', stepId: null, issuedAt: at('2026-09-20'), fields: { fine_amount: yuan } });
const served = (documentId: string, documentTypeId: string, servedDay: string) => ({ documentId, documentTypeId, partyId: 'p', servedDay, method: 'direct' });
const demand = (deadline: string) => ({ id: 'dem', typeId: 'reminder_notice', status: 'issued', stepId: null, issuedAt: at('2026-01-01'), fields: { performance_deadline: deadline } });
const problems = (details: Record<string, unknown>, c: StepFactsContext) => {
  const r = checkStepFacts(details, c);
  return r.ok ? [] : r.problems;
};

describe('CASE-11 加处罚款 and 延期（分期）缴纳 step facts', () => {
  // Fine of 10,000 元 served 2026-09-22 → due 2026-10-08 (day 15 in 国庆 rolls over).
  const base = { documents: [fineDecision()], services: [served('dec', 'penalty_decision', '2026-09-22')] };

  it('行政处罚法 第七十二条: a surcharge figure that differs from 3 % a day is refused with the right one (国庆 due day)', () => {
    const wrong = problems({ surcharge_days: 10, surcharge_amount: 2000 }, ctx('late_payment_penalty', '2026-10-18', base));
    expect(wrong.join('')).toContain('应为 10 日、3,000.00 元');
    expect(problems({ surcharge_days: 10, surcharge_amount: 3000 }, ctx('late_payment_penalty', '2026-10-18', base))).toEqual([]);
    expect(problems({ surcharge_days: 9, surcharge_amount: 3000 }, ctx('late_payment_penalty', '2026-10-18', base))).toHaveLength(1);
    expect(problems({ surcharge_days: 10, surcharge_amount: 3000 }, ctx('late_payment_penalty', '2026-10-18', { ...base, documents: [fineDecision(1_000)] })).join('')).toContain('300.00 元');
    expect(problems({ surcharge_days: 10, surcharge_amount: 300 }, ctx('late_payment_penalty', '2026-10-18', { ...base, documents: [fineDecision(1_000)] }))).toEqual([]);
  });

  it('行政强制法 第四十五条: after 34 days the surcharge is capped at the fine', () => {
    expect(problems({ surcharge_days: 34, surcharge_amount: 10_000 }, ctx('late_payment_penalty', '2026-11-11', base))).toEqual([]);
    expect(problems({ surcharge_days: 34, surcharge_amount: 10_200 }, ctx('late_payment_penalty', '2026-11-11', base)).join('')).toContain('已达罚款数额上限');
  });

  it('行政处罚法 第七十二条: none before the due day, none before service; paid late → counted to the day paid', () => {
    expect(problems({ surcharge_days: 0, surcharge_amount: 0 }, ctx('late_payment_penalty', '2026-10-08', base)).join('')).toContain('尚未届满');
    expect(problems({ surcharge_days: 1, surcharge_amount: 1 }, ctx('late_payment_penalty', '2026-10-18', { documents: [fineDecision()] })).join('')).toContain('尚未送达');
    const paid = { ...base, payments: [{ id: 'x', partyId: 'p', amountFen: 1_000_000, paidOn: '2026-10-10', purpose: 'fine' as const }] };
    expect(problems({ surcharge_days: 2, surcharge_amount: 600 }, ctx('late_payment_penalty', '2026-10-20', paid))).toEqual([]);
  });

  it('行政强制法 第四十五条: in a matter without the decision the principal and due day are entered', () => {
    expect(problems({ surcharge_days: 1, surcharge_amount: 30 }, ctx('late_payment_penalty', '2026-10-09', { category: 'coercive_execution' })).join('')).toContain('请填写罚款本金');
    expect(problems({ principal_amount: 1000, payment_due: '2026-10-08', surcharge_days: 1, surcharge_amount: 30 }, ctx('late_payment_penalty', '2026-10-09', { category: 'coercive_execution' }))).toEqual([]);
  });

  it('行政处罚法 第六十六条: instalments make up the fine; the new due day lies after the approval', () => {
    const c = ctx('payment_deferral', '2026-10-05', base);
    expect(problems({ deferral_kind: '分期缴纳', instalments: [{ due: '2026-11-01', amount: 5000 }, { due: '2026-12-01', amount: 4000 }], reason: '经营困难' }, c).join('')).toContain('应等于罚款金额 10,000.00 元');
    expect(problems({ deferral_kind: '分期缴纳', instalments: [{ due: '2026-11-01', amount: 5000 }, { due: '2026-12-01', amount: 5000 }], reason: '经营困难' }, c)).toEqual([]);
    expect(problems({ deferral_kind: '延期缴纳', new_due: '2026-10-01', reason: '经营困难' }, c).join('')).toContain('应晚于批准之日');
    const r = checkStepFacts({ deferral_kind: '延期缴纳', reason: '经营困难' }, c);
    expect(r.ok || r.issues.map((i) => i.path)).toEqual(['new_due']);
    expect(problems({ deferral_kind: '延期缴纳', new_due: '2026-12-01', reason: '困难' }, ctx('payment_deferral', '2026-10-05')).join('')).toContain('没有载明罚款金额');
  });
});

describe('CASE-10 催告 → 强制执行决定 (行政强制法 第三十五–三十七条)', () => {
  it('行政强制法 第三十五条: the 催告 names a deadline after its day', () => {
    const facts = { obligation: '缴纳罚款 10,000 元', performance_deadline: '2026-10-12', performance_method: '至指定银行缴纳' };
    expect(problems(facts, ctx('reminder', '2026-09-28'))).toEqual([]);
    expect(problems({ ...facts, performance_deadline: '2026-09-28' }, ctx('reminder', '2026-09-28')).join('')).toContain('第三十五条');
  });

  it('行政强制法 第三十五、三十七条: no decision without a served 催告书, nor before its deadline ran out', () => {
    expect(problems({}, ctx('enforcement_decision', '2026-10-20', { category: 'coercive_execution' })).join('')).toContain('尚无已送达的催告书');
    const served1 = { category: 'coercive_execution' as const, documents: [demand('2026-10-12')], services: [served('dem', 'reminder_notice', '2026-09-28')] };
    expect(problems({}, ctx('enforcement_decision', '2026-10-12', served1)).join('')).toContain('当事人的陈述、申辩尚未记录');
    expect(problems({}, ctx('enforcement_decision', '2026-10-13', served1))).toEqual([]);
  });

  it('行政强制法 第三十七条第三款: an immediate decision during the 催告 needs its reason', () => {
    const served1 = { documents: [demand('2026-10-12')], services: [served('dem', 'reminder_notice', '2026-09-28')] };
    const r = checkStepFacts({ immediate: '是' }, ctx('enforcement_decision', '2026-09-30', served1));
    expect(r.ok || r.issues.map((i) => i.path)).toEqual(['immediate_reason']);
    expect(problems({ immediate: '是', immediate_reason: '当事人正在转移涉案财物，有监控录像为证' }, ctx('enforcement_decision', '2026-09-30', served1))).toEqual([]);
  });
});

describe('CASE-10 强制执行 acts (行政强制法 第四十三、四十四、五十一条)', () => {
  const act = (startedAt: string, urgent = '否', reason?: string) => ({ started_at: startedAt, urgent, ...(reason ? { urgent_reason: reason } : {}) });

  it.each([
    ['22:00 on a working day is night', '2026-09-29T22:00', '夜间'],
    ['国庆 2026-10-03 10:00 is a rest day', '2026-10-03T10:00', '法定节假日'],
    ['春节 2026-02-18 10:00 is a rest day', '2026-02-18T10:00', '法定节假日'],
  ])('行政强制法 第四十三条: %s → refused unless urgent with a reason', (_n, startedAt, word) => {
    expect(problems(act(startedAt), ctx('forced_clearance', startedAt.slice(0, 10))).join('')).toContain(word);
    expect(problems(act(startedAt, '是', '堆放物阻断消防通道，危及公共安全'), ctx('forced_clearance', startedAt.slice(0, 10)))).toEqual([]);
  });

  it('行政强制法 第四十三条: a 调休 make-up Saturday (2026-10-10) at 10:00 is a working day; urgent without a reason is a gap', () => {
    expect(problems(act('2026-10-10T10:00'), ctx('forced_towing', '2026-10-10'))).toEqual([]);
    const r = checkStepFacts(act('2026-09-29T22:00', '是'), ctx('forced_towing', '2026-09-29'));
    expect(r.ok || r.issues.map((i) => i.path)).toEqual(['urgent_reason']);
  });

  it('行政强制法 第五十一条: 代履行 three full working days after its 催告 (春节: served 2026-02-12 → 2026-02-25)', () => {
    const c = (day: string) => ctx('substitute_performance', day, { services: [served('dem', 'reminder_notice', '2026-02-12')] });
    expect(problems(act('2026-02-24T10:00'), c('2026-02-24')).join('')).toContain('最早可于2026年2月25日');
    expect(problems(act('2026-02-25T10:00'), c('2026-02-25'))).toEqual([]);
    expect(problems(act('2026-02-25T10:00'), ctx('substitute_performance', '2026-02-25')).join('')).toContain('第五十一条');
  });

  it('行政强制法 第四十四条: 强制拆除 needs the issued 公告 and its removal time passed', () => {
    expect(problems(act('2026-09-29T10:00'), ctx('forced_demolition', '2026-09-29')).join('')).toContain('强制拆除公告');
    const notice = { id: 'n', typeId: 'forced_demolition_notice', status: 'issued', stepId: null, issuedAt: at('2026-09-01'), fields: { removal_deadline: '2026-09-29' } };
    expect(problems(act('2026-09-29T10:00'), ctx('forced_demolition', '2026-09-29', { documents: [notice] })).join('')).toContain('期限届满后');
    expect(problems(act('2026-09-30T10:00'), ctx('forced_demolition', '2026-09-30', { documents: [notice] }))).toEqual([]);
  });
});

describe('CASE-10 申请人民法院强制执行 (行政强制法 第五十三、五十四条)', () => {
  // Decision served 2026-03-10 → lawsuit time ends 2026-09-10 → apply by 2026-12-10.
  const record = { documents: [fineDecision(), demand('2026-10-09')], services: [served('dec', 'penalty_decision', '2026-03-10'), served('dem', 'reminder_notice', '2026-09-28')] };
  const facts = (day: string) => ({ court: '方城县人民法院', applied_on: day, materials: '强制执行申请书、行政处罚决定书、催告书及送达回证' });

  it('行政强制法 第五十四条: 催告 served 2026-09-28 → refused on 2026-10-16 (国庆) with the first allowed day 2026-10-17', () => {
    expect(problems(facts('2026-10-16'), ctx('court_application', '2026-10-16', record)).join('')).toContain('最早可于2026年10月17日申请');
    expect(problems(facts('2026-10-19'), ctx('court_application', '2026-10-19', record))).toEqual([]);
  });

  it('行政强制法 第五十三条: after 3 months past the party\'s time → refused with the last day', () => {
    expect(problems(facts('2026-12-11'), ctx('court_application', '2026-12-11', record)).join('')).toContain('已于2026年12月10日届满');
  });

  it('行政强制法 第五十四条: no served 催告书 → refused; a decision from another file needs the day entered', () => {
    expect(problems(facts('2026-10-19'), ctx('court_application', '2026-10-19', { documents: [fineDecision()], services: [served('dec', 'penalty_decision', '2026-03-10')] })).join('')).toContain('尚无已送达的催告书');
    const other = { documents: [demand('2026-10-09')], services: [served('dem', 'reminder_notice', '2026-09-28')] };
    expect(problems(facts('2026-10-19'), ctx('court_application', '2026-10-19', other)).join('')).toContain('期限届满日');
    expect(problems({ ...facts('2026-10-19'), party_time_ended: '2026-09-10' }, ctx('court_application', '2026-10-19', other))).toEqual([]);
  });

  it('行政处罚法 第七十二条第二款: with approved instalments the 3 months run from the last instalment', () => {
    const deferral = step('payment_deferral', '2026-03-20', { deferral_kind: '分期缴纳', instalments: [{ due: '2026-04-20', amount: 5000 }, { due: '2026-05-20', amount: 5000 }] });
    expect(problems(facts('2026-10-19'), ctx('court_application', '2026-10-19', { ...record, steps: [deferral] })).join('')).toContain('申请期限至2026年8月20日');
  });
});

describe('CASE-11 责令改正 and 整改核查 (S1 第二十七条)', () => {
  it('行政处罚法 第二十八条: the due day lies after the order; content and basis are required', () => {
    expect(problems({ correction_content: '拆除违规招牌', due_on: '2026-10-08', basis: '《广告法》第五十八条' }, ctx('rectification_order', '2026-09-28'))).toEqual([]);
    expect(problems({ correction_content: '拆除违规招牌', due_on: '2026-09-28', basis: '《广告法》第五十八条' }, ctx('rectification_order', '2026-09-28')).join('')).toContain('应晚于');
    const r = checkStepFacts({}, ctx('rectification_order', '2026-09-28'));
    expect(r.ok || r.issues.map((i) => i.path).sort()).toEqual(['basis', 'correction_content', 'due_on']);
  });

  it('S1 第二十七条: a check records day, result and findings, not before the order nor after its record', () => {
    const c = ctx('rectification_check', '2026-10-09', { steps: [step('rectification_order', '2026-09-28', { due_on: '2026-10-08' })] });
    expect(problems({ checked_on: '2026-10-08', result: '已整改', findings: '招牌已拆除' }, c)).toEqual([]);
    expect(problems({ checked_on: '2026-09-27', result: '已整改', findings: '招牌已拆除' }, c).join('')).toContain('不能早于');
    expect(problems({ checked_on: '2026-10-10', result: '已整改', findings: '招牌已拆除' }, c).join('')).toContain('不能晚于');
    expect(checkStepFacts({ checked_on: '2026-10-08', result: '整改完毕', findings: 'x' }, c).ok).toBe(false);
  });
});

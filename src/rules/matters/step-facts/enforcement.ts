import { date, datetime, money, options, select, text, textarea } from '../../documents/field-builders.js';
import { enforcementTimeCheck } from '../../law/enforcement-time.js';
import { SUBSTITUTE_PERFORMANCE_AHEAD } from '../../law/law-deadlines.js';
import { earliestActDay } from '../../law/notice-ahead.js';
import { cnDay, demandsServed, instantOfField, shanghaiDayOf } from './execution-record.js';
import type { StepFacts } from './step-facts.js';

/**
 * 催告 (行政强制法 第三十五条; S1 第二十八条; S0 第三十三条): in writing, naming the time to perform,
 * how to perform, the sum for a money obligation, and the party's right to state and defend.
 */
export const reminderFacts: StepFacts = {
  source: '行政强制法 第三十五条；S1 第二十八条',
  fields: [
    textarea('obligation', '应当履行的义务', true),
    date('performance_deadline', '履行期限', true),
    textarea('performance_method', '履行方式（缴款的，写明缴款地点或账户）', true),
    money('amount', '涉及金钱给付的金额（元）', false),
  ],
  check: (values, ctx) => (typeof values.performance_deadline === 'string' && values.performance_deadline <= ctx.occurredOn ? ['催告书载明的履行期限应晚于催告之日（《行政强制法》第三十五条）'] : []),
};

/**
 * 强制执行决定 (行政强制法 第三十六、三十七条; S1 第二十八条): only after a 催告书 was served, the party
 * heard (its 陈述、申辩 recorded) or its time to state passed, and the time the 催告 set has run out
 * with the obligation unperformed. During the 催告 an immediate decision is allowed where property is
 * being moved or hidden (第三十七条第三款): marked with its reason.
 */
export const enforcementDecisionFacts: StepFacts = {
  source: '行政强制法 第三十五–三十七条；S1 第二十八条',
  fields: [
    select('immediate', '立即强制执行', false, options('否', '是'), { help: '催告期间有证据证明有转移或者隐匿财物迹象的（第三十七条第三款）' }),
    textarea('immediate_reason', '立即强制执行的理由和证据', false, { requiredWhen: { field: 'immediate', equals: ['是'] } }),
  ],
  check(values, ctx) {
    const demands = demandsServed(ctx);
    if (!demands.length) return ['作出强制执行决定前须以书面形式催告当事人并送达催告书（《行政强制法》第三十五条）：本事项尚无已送达的催告书'];
    if (values.immediate === '是') return [];
    const first = demands[0]!;
    const heard = ctx.steps.some((s) => s.step === 'statement_defence' && s.done && s.occurredOn >= first.servedDay);
    const deadline = demands.map((d) => d.deadline).filter((d): d is string => !!d).sort().at(-1);
    if (!deadline) return ['催告书未载明履行期限，不能判断当事人是否逾期（《行政强制法》第三十五条）'];
    if (deadline >= ctx.occurredOn) {
      return [`催告书载明的履行期限至${cnDay(deadline)}，期限届满后当事人仍不履行的方可作出强制执行决定（《行政强制法》第三十七条）${heard ? '' : '；当事人的陈述、申辩尚未记录'}`];
    }
    return [];
  },
};

/** The 公告 that must precede a 强制拆除 (行政强制法 第四十四条). */
const DEMOLITION_NOTICE = 'forced_demolition_notice';
/** Documents whose service is the 代履行 催告 (行政强制法 第五十一条): the 催告书; the 代履行决定书 may join. */
export const SUBSTITUTE_NOTICE_DOCUMENTS = ['reminder_notice'];

/**
 * 强制执行 acts (行政强制法 第四十三条; S0 第三十三条; S1 第二十九条): when it started; at night or on a
 * rest day only when urgent, with the reason recorded. 代履行 needs its 催告 served three full working
 * days before (第五十一条); 强制拆除 needs the issued 公告 and its time for removal passed (第四十四条).
 */
export function enforcementActFacts(step: string): StepFacts {
  return {
    source: step === 'substitute_performance' ? '行政强制法 第四十三、五十一条；S1 第二十九条' : step === 'forced_demolition' ? '行政强制法 第四十三、四十四条；S0 第三十三条' : '行政强制法 第四十三条；S1 第二十九条',
    fields: [
      datetime('started_at', '实施开始时间', true),
      text('target', '执行对象', false),
      select('urgent', '情况紧急', true, options('否', '是'), { help: '夜间或者法定节假日实施的，须情况紧急并写明理由' }),
      textarea('urgent_reason', '情况紧急的理由', false, { requiredWhen: { field: 'urgent', equals: ['是'] } }),
    ],
    check(values, ctx) {
      const started = instantOfField(values.started_at);
      if (!started) return ['实施开始时间无效'];
      const problems: string[] = [];
      const time = enforcementTimeCheck(started, ctx.calendar, { urgentReason: values.urgent === '是' ? String(values.urgent_reason ?? '') : null });
      if (!time.allowed) problems.push(time.message);
      const day = shanghaiDayOf(started);
      if (step === 'substitute_performance') {
        const served = ctx.services.filter((s) => SUBSTITUTE_NOTICE_DOCUMENTS.includes(s.documentTypeId) && s.servedDay).map((s) => s.servedDay!).sort()[0];
        if (!served) problems.push('代履行三日前须催告当事人履行（《行政强制法》第五十一条）：本事项尚无已送达的催告书');
        else if (day < earliestActDay(SUBSTITUTE_PERFORMANCE_AHEAD, served, ctx.calendar)) {
          problems.push(`催告书于${cnDay(served)}送达，代履行最早可于${cnDay(earliestActDay(SUBSTITUTE_PERFORMANCE_AHEAD, served, ctx.calendar))}实施（《行政强制法》第五十一条：代履行三日前催告）`);
        }
      }
      if (step === 'forced_demolition') {
        const notices = ctx.documents.filter((d) => d.typeId === DEMOLITION_NOTICE && d.status === 'issued');
        if (!notices.length) problems.push('强制拆除前须予以公告，限期当事人自行拆除（《行政强制法》第四十四条）：本事项尚无已定稿的强制拆除公告');
        else {
          const until = notices.map((d) => d.fields.removal_deadline).filter((v): v is string => typeof v === 'string').sort().at(-1);
          if (until && day <= until) problems.push(`强制拆除公告限期自行拆除至${cnDay(until)}，期限届满后方可强制拆除（《行政强制法》第四十四条）`);
        }
      }
      return problems;
    },
  };
}

export const ENFORCEMENT_ACTS = ['forced_demolition', 'forced_clearance', 'forced_towing', 'substitute_performance', 'removal_of_obstruction', 'account_transfer', 'auction'] as const;

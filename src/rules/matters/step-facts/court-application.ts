import { date, text, textarea } from '../../documents/field-builders.js';
import { courtApplicationWindow } from '../../law/court-application.js';
import { dueOf } from '../../law/due-of.js';
import { ADMINISTRATIVE_LAWSUIT } from '../../law/law-deadlines.js';
import { approvedDeferral } from '../../payment/fine-payment.js';
import { cnDay, decisionServedDay, demandsServed } from './execution-record.js';
import type { StepFacts, StepFactsContext } from './step-facts.js';

/**
 * The last day of the party's own time: the 6-month lawsuit limit from the decision's service (it
 * always ends after the 60-day review limit), or the end of an approved deferral or instalments
 * (行政处罚法 第七十二条第二款); a decision made in another file gives the day as a fact.
 */
export function partyTimeEnded(ctx: StepFactsContext, entered: unknown): string | null {
  const deferral = approvedDeferral(ctx);
  if (deferral) return deferral.due;
  const served = decisionServedDay(ctx);
  if (served) return dueOf(ADMINISTRATIVE_LAWSUIT, served, ctx.calendar);
  return typeof entered === 'string' ? entered : null;
}

/**
 * 申请人民法院强制执行 (行政强制法 第五十三、五十四条; S1 第三十条): within 3 months after the party's
 * time for review and lawsuit ran out, and only once 10 full working days have passed since the
 * 催告书 was served. Refused with the first allowed and the last day.
 */
export const courtApplicationFacts: StepFacts = {
  source: '行政强制法 第五十三、五十四条；S1 第三十条',
  fields: [
    text('court', '受理申请的人民法院', true),
    date('applied_on', '申请日期', true),
    textarea('materials', '提交的材料', true, { help: '强制执行申请书、行政决定书及作出决定的事实理由依据、当事人的意见及催告情况、申请强制执行标的情况等（第五十五条）' }),
    date('party_time_ended', '当事人申请复议、提起诉讼的期限届满日', false, { help: '行政决定不在本事项中送达时填写' }),
  ],
  check(values, ctx) {
    const demands = demandsServed(ctx);
    if (!demands.length) return ['申请人民法院强制执行前须催告当事人履行义务（《行政强制法》第五十四条）：本事项尚无已送达的催告书'];
    const ended = partyTimeEnded(ctx, values.party_time_ended);
    if (!ended) return ['本事项没有已送达的行政决定，请填写当事人申请复议、提起诉讼的期限届满日（《行政强制法》第五十三条）'];
    const window = courtApplicationWindow(ended, demands[0]!.servedDay, ctx.calendar);
    const day = String(values.applied_on);
    const facts = `催告书于${cnDay(demands[0]!.servedDay)}送达，当事人的期限于${cnDay(ended)}届满`;
    if (!window.open) return [`${facts}，已无可以申请的日期：申请期限至${cnDay(window.latest)}（《行政强制法》第五十三、五十四条）`];
    if (day < window.earliest) return [`${facts}；最早可于${cnDay(window.earliest)}申请（《行政强制法》第五十三条：期限届满之日起；第五十四条：催告书送达十日后）`];
    if (day > window.latest) return [`${facts}；申请期限已于${cnDay(window.latest)}届满（《行政强制法》第五十三条：期限届满之日起三个月内）`];
    return [];
  },
};

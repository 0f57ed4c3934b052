import { DEFAULT_CRITERIA } from '../../rules/legal-review/criteria.js';
import type { DemoRun } from './demo-run.js';

// Matters of every category, each carried as far as its story goes, on real dates counted back
// from today so the party's deadlines and the law's limits show every state: running, met,
// overdue. Each scenario is what an officer would do, in the order the law requires.

const allNo = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));

/** The working day `n` days before `today` — demo acts happen on working days at office hours. */
export type DayOf = (daysAgo: number) => string;

export async function penaltyServedAndOverdue(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'penalty_general', startRoute: 'ex_officio', title: '方城县某某食品商行销售超过保质期食品案', source: '日常监督检查',
    parties: [{ kind: 'legal', name: '方城县某某食品商行', idType: 'uscc', idNumber: '92411322MA45XXXX7Q', address: '方城县释之路88号', phone: '0377-67123456', legalRepresentative: '刘某' }],
  }, day(120));
  const filing = await m.step('filing', day(120), '09:30', { note: '日常检查发现货架上有超过保质期的食品，拟立案调查' });
  await m.issue('case_filing_approval', filing.id);
  const inspection = await m.step('on_site_inspection', day(119), '10:00', { place: '方城县释之路88号店内' });
  await m.issue('on_site_inspection_record', inspection.id);
  const questioning = await m.step('questioning', day(117), '14:30', { place: '方城县市场监督管理局询问室' });
  await m.issue('questioning_record', questioning.id);
  const report = await m.step('investigation_report', day(100), '10:00');
  await m.issue('investigation_final_report', report.id);
  const rights = await m.step('rights_notice', day(98), '09:30');
  const notice = await m.issue('penalty_rights_notice', rights.id);
  await m.serve(notice.id, 'post', day(98), '15:00', { postKind: 'express', trackingNumber: 'EMS1129384756CN', receiptReturnedOn: day(96) });
  const statements = await m.step('statement_defence', day(95), '10:00', { note: '当事人提出陈述申辩，称系供货商送货时混入，经复核不予采纳' });
  await m.issue('statement_defence_record', statements.id);
  await m.assessNotMajor(['fine'], 5000, allNo);
  const decision = await m.step('decision', day(90), '10:00');
  const decided = await m.issue('penalty_decision', decision.id, { fine_amount: 5000, facts: '当事人在其经营场所销售超过保质期的食品（某品牌牛奶 12 盒），违法所得 36 元。', penalty_content: '没收超过保质期的食品，没收违法所得 36 元，并处罚款 5000 元。', performance: '自收到本决定书之日起十五日内缴纳罚款。' });
  await m.serve(decided.id, 'left_at_premises', day(89), '10:30', { refusalReason: '法定代表人刘某拒绝签收', witnessName: '释之路社区居委会主任 王某' });
  return m;
}

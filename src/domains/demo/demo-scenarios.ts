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
  await m.stepWithDocument('case_filing_approval', 'filing', day(120), '09:30', { note: '日常检查发现货架上有超过保质期的食品，拟立案调查' });
  await m.stepWithDocument('on_site_inspection_record', 'on_site_inspection', day(119), '10:00', { place: '方城县释之路88号店内' });
  await m.stepWithDocument('questioning_record', 'questioning', day(117), '14:30', { place: '方城县市场监督管理局询问室' });
  await m.stepWithDocument('investigation_final_report', 'investigation_report', day(100), '10:00');
  const notice = await m.stepWithDocument('penalty_rights_notice', 'rights_notice', day(98), '09:30');
  await m.serve(notice.id, 'post', day(98), '15:00', { postKind: 'express', trackingNumber: 'EMS1129384756CN', receiptReturnedOn: day(96) });
  const record = await m.stepWithDocument('statement_defence_record', 'statement_defence', day(95), '10:00', { note: '当事人提出陈述申辩，称系供货商送货时混入，经复核不予采纳' });
  const said = await m.rights('statements', { partyId: m.parties[0]!.id, waived: false, form: 'record', at: run.clock.now().toISOString(), content: '当事人称过期牛奶系供货商送货时混入，本店不知情，请求从轻处罚。', documentId: record.id });
  await m.rights(`statements/${said.id}/review`, { result: 'not_adopted', reasons: '当事人作为食品经营者负有查验义务，所称不知情不构成免责事由；其未提供供货商混入的证据。' });
  await m.assessNotMajor(['fine'], 5000, allNo);
  const decision = await m.step('decision', day(90), '10:00');
  const decided = await m.issue('penalty_decision', decision.id, { fine_amount: 5000, facts: '当事人在其经营场所销售超过保质期的食品（某品牌牛奶 12 盒），违法所得 36 元。', penalty_content: '没收超过保质期的食品，没收违法所得 36 元，并处罚款 5000 元。', performance: '自收到本决定书之日起十五日内缴纳罚款。' });
  await m.serve(decided.id, 'left_at_premises', day(89), '10:30', { refusalReason: '法定代表人刘某拒绝签收', witnessName: '释之路社区居委会主任 王某' });
  // Unpaid: the 加处罚款 runs (capped at the fine); the agency demands payment before applying to a court.
  const demand = await m.stepWithDocument('reminder_notice', 'reminder', day(40), '10:00', { details: { obligation: '缴纳罚款 5000 元及加处罚款', performance_deadline: day(30), performance_method: '至方城县农业银行城关支行缴纳', amount: 5000 } });
  await m.serve(demand.id, 'post', day(40), '15:00', { postKind: 'registered', trackingNumber: 'XA3302918844CN', receiptReturnedOn: day(37) });
  return m;
}

export async function penaltyPaidAndClosed(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'penalty_general', startRoute: 'ex_officio', title: '方城县某某超市未明码标价案', source: '价格监督检查',
    parties: [{ kind: 'legal', name: '方城县某某超市有限公司', idType: 'uscc', idNumber: '91411322MA41XXXX9C', address: '方城县凤瑞路99号', phone: '0377-67081234', legalRepresentative: '吴某' }],
  }, day(110));
  await m.stepWithDocument('case_filing_approval', 'filing', day(110), '09:30', { note: '价格检查发现部分商品未明码标价' });
  await m.stepWithDocument('on_site_inspection_record', 'on_site_inspection', day(109), '10:00', { place: '方城县凤瑞路99号超市卖场' });
  await m.stepWithDocument('investigation_final_report', 'investigation_report', day(95), '10:00');
  const notice = await m.stepWithDocument('penalty_rights_notice', 'rights_notice', day(93), '09:30');
  await m.serve(notice.id, 'direct', day(93), '11:00', { recipientName: '吴某', relation: '法定代表人', signed: true });
  await m.rights('statements', { partyId: m.parties[0]!.id, waived: true, form: 'written', at: new Date(Date.parse(`${day(91)}T10:00:00+08:00`)).toISOString(), content: '当事人书面表示对拟处罚无异议，放弃陈述、申辩和听证' }, [day(91), '10:00']);
  await m.assessNotMajor(['fine'], 2000, allNo);
  const decision = await m.step('decision', day(88), '10:00');
  const decided = await m.issue('penalty_decision', decision.id, { fine_amount: 2000, facts: '当事人销售的 23 种商品未按规定明码标价。', penalty_content: '罚款 2000 元。', performance: '自收到本决定书之日起十五日内缴纳罚款。' });
  await m.serve(decided.id, 'direct', day(87), '15:00', { recipientName: '吴某', relation: '法定代表人', signed: true });
  run.clock.set(day(80), '11:00');
  await m.run.call(run.people.handler, 'POST', `/matters/${m.id}/payments`, { partyId: m.parties[0]!.id, amountFen: 200_000, paidOn: day(80), receiptNumber: '豫非税 4113220012345', method: 'bank', purpose: 'fine' });
  await m.step('compliance_check', day(79), '10:00', { note: '当事人已缴清罚款，商品均已明码标价' });
  await m.stepWithDocument('closing_approval', 'closing', day(75), '10:00', { details: { closing_reason: '执行完毕', execution_summary: '当事人已于规定期限内缴清罚款 2000 元，违法行为已改正' } });
  return m;
}

export async function simpleProcedureClosed(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'penalty_simple', startRoute: 'ex_officio', title: '方城县某某水果摊占道经营当场处罚', source: '巡查发现',
    parties: [{ kind: 'natural', name: '杨某', idType: 'resident_id', idNumber: '411322199002114317', address: '方城县城关镇花园街3号', phone: '15837712345' }],
  }, day(30));
  const onTheSpot = await m.step('simple_procedure_penalty', day(30), '16:20', {
    place: '方城县建设路与释之路交叉口',
    details: {
      identity_shown: '执法人员 2 名表明身份，出示执法证件（证号 DEMO-41130001、DEMO-41130002）',
      party: { kind: 'natural', name: '杨某' },
      facts_found: '当事人在建设路人行道上摆摊销售水果，妨碍通行',
      simple_procedure_basis: '违法事实确凿，有现场照片为证；罚款 50 元，符合行政处罚法 第五十一条当场处罚的条件',
      rights_told: '已告知拟作出的处罚及其事实、理由、依据，告知当事人有陈述、申辩的权利',
      statement_made: '当事人放弃陈述、申辩',
      penalty_kind: '罚款',
      fine_amount: 50,
      penalty_basis: [{ law: '河南省城市市容和环境卫生管理条例', article: '第三十条' }],
      decision_number: '方市监当罚〔2026〕12号',
      handover: '当场交付，当事人签收',
      on_the_spot_collection: '未当场收缴',
    },
  });
  await m.assessNotMajor(['fine'], 50, allNo);
  const decided = await m.issue('penalty_decision', onTheSpot.id, { procedure: '简易程序', fine_amount: 50, facts: '当事人在建设路人行道上摆摊销售水果，妨碍通行。', penalty_content: '罚款 50 元。', performance: '自收到本决定书之日起十五日内缴纳罚款。' });
  await m.serve(decided.id, 'direct', day(30), '16:50', { recipientName: '杨某', relation: '本人', signed: true });
  await m.step('on_the_spot_report', day(29), '09:30', { details: { report_content: '当场处罚决定书 方市监当罚〔2026〕12号，罚款 50 元，已报所属行政机关备案', received_by: '法制股 钱法制' } });
  run.clock.set(day(26), '10:00');
  await m.run.call(run.people.handler, 'POST', `/matters/${m.id}/payments`, { partyId: m.parties[0]!.id, amountFen: 5_000, paidOn: day(26), receiptNumber: '豫非税 4113220019876', method: 'electronic', purpose: 'fine' });
  await m.step('closing', day(25), '10:00', { details: { closing_reason: '执行完毕', execution_summary: '当事人已通过电子支付系统缴纳罚款 50 元' } });
  return m;
}


export async function licenceGranted(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'licensing', startRoute: 'application', title: '方城县某某便利店食品经营许可申请', source: '政务服务大厅窗口受理',
    parties: [{ kind: 'legal', name: '方城县某某便利店', idType: 'uscc', idNumber: '92411322MA46XXXX3K', address: '方城县凤瑞路16号', phone: '13937712345', legalRepresentative: '张某' }],
  }, day(64));
  await m.step('application_receipt', day(64), '09:20', { place: '方城县政务服务中心市场监管窗口' });
  const acceptance = await m.stepWithDocument('application_acceptance_notice', 'application_acceptance', day(63), '10:00');
  await m.serve(acceptance.id, 'direct', day(63), '10:30', { recipientName: '张某', relation: '法定代表人', signed: true });
  await m.stepWithDocument('on_site_inspection_record', 'on_site_inspection', day(58), '15:00', { place: '方城县凤瑞路16号' });
  await m.assessNotMajor(['grant_licence'], null, allNo);
  const decision = await m.step('licence_decision', day(55), '10:00');
  const granted = await m.issue('licence_grant_decision', decision.id, { application_item: '食品经营许可（预包装食品销售）', licence_number: 'JY14113220012345' });
  await m.serve(granted.id, 'direct', day(54), '09:40', { recipientName: '张某', relation: '法定代表人', signed: true });
  return m;
}

const FERTILISER = [{ name: '复合肥（标称某品牌 45%）', specification: '50kg/袋', quantity: 40, unit: '袋', condition: '包装完好' }];

export async function seizureExtendedAndReleased(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'coercive_measure', startRoute: 'emergency', title: '方城县某某农资店涉嫌销售假冒化肥扣押案', source: '群众举报',
    parties: [{ kind: 'natural', name: '陈某某', idType: 'resident_id', idNumber: '411322198503154512', address: '方城县券桥镇券桥街45号', phone: '13803771234' }],
  }, day(52));
  await m.step('emergency_start', day(52), '16:10', { place: '方城县券桥镇券桥街45号', note: '现场发现涉嫌假冒化肥，当事人正在装车转移，情况紧急，当场实施扣押' });
  const seizure = await m.step('seizure', day(52), '16:40', {
    place: '方城县券桥镇券桥街45号',
    details: { measure_reason: '涉嫌销售假冒注册商标的化肥，当事人正在转移，证据可能灭失', seized_items: FERTILISER, custody_place: '方城县市场监督管理局涉案物品仓库', measure_place: '方城县券桥镇券桥街45号', term_days: 30 },
  });
  const decided = await m.issue('seizure_decision', seizure.id);
  await m.issue('seizure_list', seizure.id);
  await m.serve(decided.id, 'direct', day(52), '17:40', { recipientName: '陈某某', relation: '本人', signed: true });
  await m.step('filing', day(51), '09:30', { note: '紧急情况先行扣押后补报立案审批' });
  await m.step('testing_appraisal', day(45), '10:00', { note: '委托河南省肥料质量检验站检验' });
  await m.stepWithDocument('seizure_extension_notice', 'seizure_extension', day(26), '10:00', { details: { seizure_step: seizure.id, extension_days: 20, extension_reason: '检验结论待商标权利人鉴定确认，案情复杂', party_notified_on: day(26) } });
  await m.step('seizure_release', day(8), '15:00', {
    details: { seizure_step: seizure.id, release_reason: '当事人没有违法行为', returned_items: FERTILISER.map(({ name, quantity, unit }) => ({ name, quantity, unit })), returned_to: '陈某某', receipt: '当事人或其委托的人签收', signed_by: '陈某某', returned_at: `${day(8)}T15:30` },
  });
  return m;
}

export async function sealingRunning(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'coercive_measure', startRoute: 'ex_officio', title: '方城县某某加工作坊无证生产食品查封案', source: '投诉举报转办',
    parties: [{ kind: 'natural', name: '王某某', idType: 'resident_id', idNumber: '411322197910226031', address: '方城县独树镇砚山铺村', phone: '13592001234' }],
  }, day(15));
  await m.step('filing', day(15), '09:00', { note: '无证生产加工食品，拟查封生产场所和设备' });
  await m.stepWithDocument('on_site_inspection_record', 'on_site_inspection', day(14), '10:00', { place: '方城县独树镇砚山铺村作坊' });
  const sealing = await m.step('sealing', day(14), '11:30', {
    place: '方城县独树镇砚山铺村作坊',
    details: { measure_reason: '未取得食品生产许可从事食品生产，查封用于违法生产的场所和设备', seized_items: [{ name: '和面机', quantity: 2, unit: '台', condition: '在用' }, { name: '生产车间', quantity: 1, unit: '间' }], custody_place: '原地封存', measure_place: '方城县独树镇砚山铺村作坊', term_days: 30 },
  });
  const decided = await m.issue('seizure_decision', sealing.id);
  await m.serve(decided.id, 'left_at_premises', day(14), '12:30', { refusalReason: '当事人拒绝在文书上签字', witnessName: '砚山铺村村委会委员 李某' });
  return m;
}

export async function inspectionOpen(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'inspection', startRoute: 'ex_officio', title: '方城县某某餐饮店食品安全日常检查', source: '年度“双随机、一公开”抽查',
    parties: [{ kind: 'legal', name: '方城县某某餐饮店', idType: 'uscc', idNumber: '92411322MA47XXXX5W', address: '方城县裕州路203号', phone: '0377-67250011', legalRepresentative: '李某' }],
  }, day(25));
  await m.step('inspection_start', day(25), '09:00', { note: '按年度双随机抽查计划开展检查' });
  await m.stepWithDocument('on_site_inspection_record', 'on_site_inspection', day(25), '10:00', { place: '方城县裕州路203号后厨' });
  await m.step('inspection_conclusion', day(24), '15:00', { note: '后厨防蝇设施缺失，从业人员健康证过期 2 人' });
  const notice = await m.stepWithDocument('rectification_notice', 'rectification_order', day(24), '16:00', { details: { correction_content: '配齐后厨防蝇防鼠设施；为 2 名从业人员办理健康证明', due_on: day(10), basis: '《中华人民共和国食品安全法》第三十三条、第四十五条' } });
  await m.serve(notice.id, 'direct', day(24), '16:30', { recipientName: '李某', relation: '法定代表人', signed: true });
  return m;
}

export async function executionDemanded(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'coercive_execution', startRoute: 'ex_officio', title: '方城县某某建材店逾期不履行罚款决定强制执行案', source: '行政处罚决定逾期未履行',
    parties: [{ kind: 'legal', name: '方城县某某建材店', idType: 'uscc', idNumber: '92411322MA48XXXX2D', address: '方城县广阳路7号', phone: '13663771122', legalRepresentative: '赵某' }],
  }, day(40));
  await m.step('filing', day(40), '09:30', { note: '当事人逾期未缴纳罚款，拟依法强制执行' });
  const demand = await m.stepWithDocument('reminder_notice', 'reminder', day(38), '10:00', { details: { obligation: '缴纳罚款 8000 元', performance_deadline: day(28), performance_method: '至方城县农业银行城关支行缴纳', amount: 8000 } });
  await m.serve(demand.id, 'direct', day(38), '14:00', { recipientName: '赵某', relation: '法定代表人', signed: true });
  await m.stepWithDocument('statement_defence_record', 'statement_defence', day(34), '10:00', { note: '当事人称资金困难，未提出事实和理由上的异议' });
  return m;
}

export async function investigationUnderWay(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'penalty_general', startRoute: 'complaint', title: '方城县某某眼镜店虚假宣传案', source: '12315 投诉举报',
    parties: [{ kind: 'legal', name: '方城县某某眼镜店', idType: 'uscc', idNumber: '92411322MA49XXXX8H', address: '方城县建设路55号', phone: '0377-67009988', legalRepresentative: '孙某' }],
  }, day(6));
  await m.step('complaint_registration', day(6), '11:00', { note: '投诉人称该店宣传“免费验光配镜”实际收费' });
  await m.step('filing', day(5), '09:30', { note: '经核查投诉事项属实，拟立案调查' });
  await m.stepWithDocument('on_site_inspection_record', 'on_site_inspection', day(4), '10:30', { place: '方城县建设路55号店内' });
  return m;
}

export async function penaltyHearingScheduled(run: DemoRun, day: DayOf) {
  const m = await run.openMatter({
    category: 'penalty_general', startRoute: 'ex_officio', title: '方城县某某药店未凭处方销售处方药案', source: '专项检查',
    parties: [{ kind: 'legal', name: '方城县某某大药房', idType: 'uscc', idNumber: '91411322MA40XXXX6B', address: '方城县人民路12号', phone: '0377-67221100', legalRepresentative: '周某' }],
  }, day(45));
  await m.stepWithDocument('case_filing_approval', 'filing', day(45), '09:30', { note: '专项检查中发现未凭处方销售处方药，拟立案调查' });
  await m.stepWithDocument('on_site_inspection_record', 'on_site_inspection', day(44), '10:00', { place: '方城县人民路12号店内' });
  await m.stepWithDocument('questioning_record', 'questioning', day(43), '15:00', { place: '方城县市场监督管理局询问室' });
  await m.stepWithDocument('investigation_final_report', 'investigation_report', day(20), '10:00');
  const notice = await m.stepWithDocument('penalty_rights_notice', 'rights_notice', day(16), '09:30');
  await m.serve(notice.id, 'direct', day(16), '11:00', { recipientName: '周某', relation: '法定代表人', signed: true });
  const request = await m.rights('hearing-requests', { partyId: m.parties[0]!.id, channel: 'in_person', requestDay: day(14), content: '对拟作出的罚款数额有异议，申请听证' }, [day(14), '10:00']);
  await m.rights('hearings', { hearingRequestId: request.id, scheduledAt: new Date(Date.parse(`${day(-10)}T09:00:00+08:00`)).toISOString(), place: '方城县市场监督管理局听证室', hostName: '钱法制', public: true, noticeServedOn: day(13) }, [day(13), '10:00']);
  return m;
}

import type { LawCitation } from './law-rule.js';

// Quotes checked against the promulgated texts: 行政处罚法 (2021年1月22日修订), 行政强制法 (2011),
// 行政复议法 (2023年9月1日修订), 行政诉讼法 (2017年修正), 民法典 (2020), 噪声污染防治法 (2021).

const PENALTY = { law: '行政处罚法', version: '2021年修订' } as const;
const COERCION = { law: '行政强制法', version: '2011年' } as const;

export const PENALTY_WORKING_DAYS: LawCitation = {
  ...PENALTY,
  article: '第八十五条',
  quote: '本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。',
};

export const COERCION_WORKING_DAYS: LawCitation = {
  ...COERCION,
  article: '第六十九条',
  quote: '本法中十日以内期限的规定是指工作日，不含法定节假日。',
};

export const CIVIL_CODE_START_DAY: LawCitation = {
  law: '民法典',
  version: '2020年',
  article: '第二百零一条',
  quote: '按照年、月、日、小时计算期间的，开始的当日不计入，自下一日开始计算。',
};

export const CIVIL_CODE_MONTHS: LawCitation = {
  law: '民法典',
  version: '2020年',
  article: '第二百零二条',
  quote: '按照年、月计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。',
};

export const CIVIL_CODE_REST_DAY: LawCitation = {
  law: '民法典',
  version: '2020年',
  article: '第二百零三条',
  quote: '期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日。',
};

export const ON_THE_SPOT_PENALTY: LawCitation = {
  ...PENALTY,
  article: '第五十一条',
  quote: '违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的行政处罚的，可以当场作出行政处罚决定。法律另有规定的，从其规定。',
};

export const LATE_PAYMENT_SURCHARGE: LawCitation = {
  ...PENALTY,
  article: '第七十二条第一款第（一）项',
  quote: '到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额。',
};

export const SURCHARGE_CAP: LawCitation = {
  ...COERCION,
  article: '第四十五条第二款',
  quote: '加处罚款或者滞纳金的数额不得超出金钱给付义务的数额。',
};

export const SEIZURE_PERIOD: LawCitation = {
  ...COERCION,
  article: '第二十五条',
  quote: '查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批准，可以延长，但是延长期限不得超过三十日。法律、行政法规另有规定的除外。延长查封、扣押的决定应当及时书面告知当事人，并说明理由。对物品需要进行检测、检验、检疫或者技术鉴定的，查封、扣押的期间不包括检测、检验、检疫或者技术鉴定的期间。',
};

export const HEARING_NOTICE: LawCitation = {
  ...PENALTY,
  article: '第六十四条第（二）项',
  quote: '行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点；',
};

export const SUBSTITUTE_PERFORMANCE_NOTICE: LawCitation = {
  ...COERCION,
  article: '第五十一条第一款第（二）项',
  quote: '代履行三日前，催告当事人履行，当事人履行的，停止代履行；',
};

export const COURT_APPLICATION_PERIOD: LawCitation = {
  ...COERCION,
  article: '第五十三条',
  quote: '当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，没有行政强制执行权的行政机关可以自期限届满之日起三个月内，依照本章规定申请人民法院强制执行。',
};

export const COURT_APPLICATION_DEMAND: LawCitation = {
  ...COERCION,
  article: '第五十四条',
  quote: '行政机关申请人民法院强制执行前，应当催告当事人履行义务。催告书送达十日后当事人仍未履行义务的，行政机关可以向所在地有管辖权的人民法院申请强制执行；',
};

export const NIGHT_HOLIDAY_ENFORCEMENT: LawCitation = {
  ...COERCION,
  article: '第四十三条第一款',
  quote: '行政机关不得在夜间或者法定节假日实施行政强制执行。但是，情况紧急的除外。',
};

/** The only statutory definition of 夜间; 行政强制法 has none, so it is a parameter defaulting to this. */
export const NIGHT_DEFINITION: LawCitation = {
  law: '噪声污染防治法',
  version: '2021年',
  article: '第八十八条',
  quote: '夜间，是指晚上十点至次日早晨六点之间的期间，设区的市级以上人民政府可以另行规定本行政区域夜间的起止时间，夜间时段长度为八小时。',
};

import {
  COERCION_WORKING_DAYS,
  COURT_APPLICATION_DEMAND,
  COURT_APPLICATION_PERIOD,
  HEARING_NOTICE,
  PENALTY_WORKING_DAYS,
  SEIZURE_PERIOD,
  SUBSTITUTE_PERFORMANCE_NOTICE,
} from './citations.js';
import type { LawDeadlineRule } from './law-rule.js';

// The time limits of a penalty matter under national law. Short limits are working days because
// the law says so (行政处罚法 第八十五条 for 二日、三日、五日、七日; 行政强制法 第六十九条 for ten days
// or less); everything else is calendar days or months.

const PENALTY = { law: '行政处罚法', version: '2021年修订' } as const;

export const HEARING_REQUEST: LawDeadlineRule = {
  key: 'hearingRequest',
  name: '听证申请期限',
  citation: { ...PENALTY, article: '第六十四条第（一）项', quote: '当事人要求听证的，应当在行政机关告知后五日内提出；' },
  unitSource: PENALTY_WORKING_DAYS,
  startsAt: '行政处罚事先告知书（听证告知）送达之日',
  unit: 'workingDays',
  amount: 5,
  actor: 'party',
  rollsOverRestDay: false,
};

export const HEARING_NOTICE_AHEAD: LawDeadlineRule = {
  key: 'hearingNoticeAhead',
  name: '听证通知提前期',
  citation: HEARING_NOTICE,
  unitSource: PENALTY_WORKING_DAYS,
  startsAt: '听证通知书送达之日（至听证日之间须满该期间）',
  unit: 'workingDays',
  amount: 7,
  actor: 'agency',
  rollsOverRestDay: false,
};

export const EVIDENCE_PRESERVATION_DECISION: LawDeadlineRule = {
  key: 'evidencePreservationDecision',
  name: '先行登记保存处理决定期限',
  citation: {
    ...PENALTY,
    article: '第五十六条',
    quote: '在证据可能灭失或者以后难以取得的情况下，经行政机关负责人批准，可以先行登记保存，并应当在七日内及时作出处理决定，在此期间，当事人或者有关人员不得销毁或者转移证据。',
  },
  unitSource: PENALTY_WORKING_DAYS,
  startsAt: '先行登记保存之日',
  unit: 'workingDays',
  amount: 7,
  actor: 'agency',
  rollsOverRestDay: false,
};

export const DECISION_AFTER_FILING: LawDeadlineRule = {
  key: 'decisionAfterFiling',
  name: '作出处罚决定期限',
  citation: {
    ...PENALTY,
    article: '第六十条',
    quote: '行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定。法律、法规、规章另有规定的，从其规定。',
  },
  unitSource: null,
  startsAt: '立案之日',
  unit: 'calendarDays',
  amount: 90,
  actor: 'agency',
  rollsOverRestDay: false,
};

export const DECISION_SERVICE: LawDeadlineRule = {
  key: 'decisionService',
  name: '处罚决定书送达期限',
  citation: {
    ...PENALTY,
    article: '第六十一条第一款',
    quote: '行政处罚决定书应当在宣告后当场交付当事人；当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定，将行政处罚决定书送达当事人。',
  },
  unitSource: PENALTY_WORKING_DAYS,
  startsAt: '行政处罚决定宣告之日（当事人不在场）',
  unit: 'workingDays',
  amount: 7,
  actor: 'agency',
  rollsOverRestDay: false,
};

export const FINE_PAYMENT: LawDeadlineRule = {
  key: 'finePayment',
  name: '缴纳罚款期限',
  citation: {
    ...PENALTY,
    article: '第六十七条第三款',
    quote: '当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款。',
  },
  unitSource: null,
  startsAt: '行政处罚决定书送达之日',
  unit: 'calendarDays',
  amount: 15,
  actor: 'party',
  rollsOverRestDay: true,
};

export const SEIZURE_TERM: LawDeadlineRule = {
  key: 'seizureTerm',
  name: '查封、扣押期限',
  citation: SEIZURE_PERIOD,
  unitSource: null,
  startsAt: '查封、扣押决定作出之日',
  unit: 'calendarDays',
  amount: 30,
  actor: 'agency',
  rollsOverRestDay: false,
};

export const SUBSTITUTE_PERFORMANCE_AHEAD: LawDeadlineRule = {
  key: 'substitutePerformanceAhead',
  name: '代履行前催告提前期',
  citation: SUBSTITUTE_PERFORMANCE_NOTICE,
  unitSource: COERCION_WORKING_DAYS,
  startsAt: '代履行催告送达之日（至代履行日之间须满该期间）',
  unit: 'workingDays',
  amount: 3,
  actor: 'agency',
  rollsOverRestDay: false,
};

export const COURT_DEMAND_WAIT: LawDeadlineRule = {
  key: 'courtDemandWait',
  name: '申请法院强制执行前催告期',
  citation: COURT_APPLICATION_DEMAND,
  unitSource: COERCION_WORKING_DAYS,
  startsAt: '催告书送达之日（期满后方可申请）',
  unit: 'workingDays',
  amount: 10,
  actor: 'party',
  rollsOverRestDay: false,
};

export const COURT_APPLICATION: LawDeadlineRule = {
  key: 'courtApplication',
  name: '申请法院强制执行期限',
  citation: COURT_APPLICATION_PERIOD,
  unitSource: null,
  startsAt: '当事人申请行政复议、提起行政诉讼的期限届满之日',
  unit: 'months',
  amount: 3,
  actor: 'agency',
  rollsOverRestDay: false,
};

export const ADMINISTRATIVE_REVIEW: LawDeadlineRule = {
  key: 'administrativeReview',
  name: '申请行政复议期限',
  citation: {
    law: '行政复议法',
    version: '2023年修订',
    article: '第二十条第一款',
    quote: '公民、法人或者其他组织认为行政行为侵犯其合法权益的，可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请；但是法律规定的申请期限超过六十日的除外。',
  },
  unitSource: null,
  startsAt: '知道或者应当知道该行政行为之日（决定书送达之日）',
  unit: 'calendarDays',
  amount: 60,
  actor: 'party',
  rollsOverRestDay: true,
};

export const ADMINISTRATIVE_LAWSUIT: LawDeadlineRule = {
  key: 'administrativeLawsuit',
  name: '提起行政诉讼期限',
  citation: {
    law: '行政诉讼法',
    version: '2017年修正',
    article: '第四十六条第一款',
    quote: '公民、法人或者其他组织直接向人民法院提起诉讼的，应当自知道或者应当知道作出行政行为之日起六个月内提出。法律另有规定的除外。',
  },
  unitSource: null,
  startsAt: '知道或者应当知道作出行政行为之日（决定书送达之日）',
  unit: 'months',
  amount: 6,
  actor: 'party',
  rollsOverRestDay: true,
};

export const LAW_DEADLINE_RULES: readonly LawDeadlineRule[] = [
  EVIDENCE_PRESERVATION_DECISION,
  DECISION_AFTER_FILING,
  HEARING_REQUEST,
  HEARING_NOTICE_AHEAD,
  DECISION_SERVICE,
  FINE_PAYMENT,
  SEIZURE_TERM,
  SUBSTITUTE_PERFORMANCE_AHEAD,
  COURT_DEMAND_WAIT,
  COURT_APPLICATION,
  ADMINISTRATIVE_REVIEW,
  ADMINISTRATIVE_LAWSUIT,
];

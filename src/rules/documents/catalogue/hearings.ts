import type { DocumentType } from '../document-type.js';
import { datetime, options, party, select, text, textarea } from '../field-builders.js';

// 听证 (CASE-9) as the 市场监管总局 2021 template set has it: the notice seven days ahead, the
// minutes the party checks and signs, and the host's report the decision is made on
// (行政处罚法 第六十四条、第六十五条; S0 第十三条, S1 第十一条（6）). They replace the single
// 听证笔录/报告 form (hearing_record), which stays for documents already made of it.

const HEARD: DocumentType['categories'] = ['penalty_general', 'licensing', 'expropriation'];

/** The party's rights in the hearing, as the notice states them (行政处罚法 第六十四条（四）–（八）). */
const HEARING_RIGHTS =
  '当事人可以亲自参加听证，也可以委托一至二人代理；认为主持人与本案有直接利害关系的，有权申请回避；' +
  '听证中可以陈述、申辩和质证，进行辩论并作最后陈述；听证笔录交当事人核对无误后签字或者盖章。' +
  '当事人及其代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。';

export const hearingDocuments: DocumentType[] = [
  {
    id: 'hearing_notice',
    name: '听证通知书',
    categories: HEARD,
    activities: ['hearing'],
    phase: 'review_decision',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: false,
    numberPrefix: '听通字',
    fields: [
      party('party', '当事人', true),
      text('case_cause', '案由或听证事项', true),
      datetime('hearing_at', '举行听证的时间', true, { help: '应当在听证的七日前通知（行政处罚法 第六十四条（二））' }),
      text('place', '举行听证的地点', true),
      select('public_hearing', '是否公开举行', true, options('公开', '不公开')),
      text('host', '听证主持人', true),
      text('hearing_officers', '听证员', false),
      text('recorder', '记录人', true),
      textarea('hearing_rights', '听证中享有的权利和义务', true, { help: HEARING_RIGHTS }),
      textarea('to_bring', '参加听证需携带的材料', false, { help: '身份证明、授权委托书、证据材料等' }),
      text('contact', '联系人、电话及地址', false),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: '行政处罚法 第六十四条（二）（三）、S0 第十三条',
  },
  {
    id: 'hearing_minutes',
    name: '听证笔录',
    categories: HEARD,
    activities: ['hearing'],
    phase: 'review_decision',
    issuedToParty: false,
    audience: 'internal',
    signers: ['host', 'recorder', 'party', 'officer'],
    approval: false,
    numberPrefix: null,
    fields: [
      text('case_cause', '案由', true),
      datetime('started_at', '开始时间', true),
      datetime('ended_at', '结束时间', true),
      text('place', '地点', true),
      select('public_hearing', '是否公开举行', true, options('公开', '不公开')),
      text('host', '听证主持人', true),
      text('hearing_officers', '听证员', false),
      text('recorder', '记录人', true),
      party('party', '当事人', true),
      text('agent', '委托代理人', false),
      text('investigators', '案件调查人员', true),
      textarea('recusal', '告知权利及申请回避情况', true),
      textarea('investigators_case', '调查人员提出的违法事实、证据、依据和处理建议', true),
      textarea('party_statements', '当事人的陈述、申辩和质证意见', true),
      textarea('debate', '辩论情况', false),
      textarea('final_statements', '最后陈述', false),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: '行政处罚法 第六十四条（八）、S0 第十三条、S1 第十一条（6）',
  },
  {
    id: 'hearing_report',
    name: '听证报告',
    categories: HEARD,
    activities: ['hearing'],
    phase: 'review_decision',
    issuedToParty: false,
    audience: 'internal',
    signers: ['host'],
    approval: false,
    numberPrefix: null,
    fields: [
      text('case_cause', '案由', true),
      party('party', '当事人', true),
      datetime('held_at', '听证时间', true),
      text('place', '听证地点', true),
      text('host', '听证主持人', true),
      text('hearing_officers', '听证员', false),
      text('recorder', '记录人', true),
      textarea('hearing_summary', '听证基本情况', true),
      textarea('facts_found', '听证认定的事实和证据', true),
      textarea('disputes', '争议焦点', false),
      textarea('host_opinion', '主持人意见和建议', true, { help: '据听证笔录提出处理意见（行政处罚法 第六十五条）' }),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: '行政处罚法 第六十五条、S0 第十三条',
  },
];

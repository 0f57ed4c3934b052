import type { DocumentType } from '../document-type.js';
import { column, date, datetime, items, options, party, remedyNotice, text, textarea } from '../field-builders.js';

// Notices served on the party during the investigation and after an inspection, as the
// 市场监管总局 2021 执法文书格式范本 has them: 询问通知书, 先行登记保存物品处理通知书 (the 7-day
// decision, 行政处罚法 第五十六条) and 责令（限期）改正通知书 (行政处罚法 第二十八条).

/** What may become of items registered for preservation (行政处罚法 第五十六条; 市场监督管理行政处罚程序规定 第四十二条). */
export const PRESERVATION_DISPOSALS = options(
  '解除先行登记保存，退还当事人',
  '送交检测、检验、鉴定',
  '依法采取查封、扣押',
  '依法予以没收',
  '移送有关机关处理',
  '采取记录、复制、拍照、录像等证据保全措施后退还',
);

export const noticeDocuments: DocumentType[] = [
  {
    id: 'questioning_notice',
    name: '询问通知书',
    categories: ['penalty_general', 'coercive_measure', 'inspection', 'expropriation'],
    activities: ['questioning'],
    phase: 'investigation',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: false,
    numberPrefix: '询通字',
    fields: [
      party('party', '被通知人', true),
      text('case_cause', '案由或调查事项', true),
      datetime('appear_at', '接受询问的时间', true),
      text('place', '接受询问的地点', true),
      textarea('to_bring', '需携带的材料', false, { help: '身份证明、营业执照、授权委托书及与案件有关的材料' }),
      textarea('duty_notice', '如实回答询问的义务', false, { help: '当事人或者有关人员应当如实回答询问，并协助调查或者检查（行政处罚法 第五十五条）' }),
      text('contact', '联系人、电话及地址', true),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: '行政处罚法 第五十五条、S1 第十一条（1）',
  },
  {
    id: 'preservation_disposal_notice',
    name: '先行登记保存物品处理通知书',
    categories: ['penalty_general', 'coercive_measure', 'inspection'],
    activities: ['preservation_decision'],
    phase: 'investigation',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: true,
    numberPrefix: '登保处字',
    fields: [
      party('party', '当事人', true),
      text('preservation_number', '证据先行登记保存清单文号', true),
      date('preserved_on', '先行登记保存日期', true, { help: '应当在七日内作出处理决定（行政处罚法 第五十六条）' }),
      items('dispositions', '处理决定', true, [
        column('item_name', '物品名称', 'text', true),
        column('specification', '规格型号'),
        column('quantity', '数量', 'text', true),
        column('disposal', '处理决定', 'select', true, PRESERVATION_DISPOSALS),
      ]),
      textarea('reasons', '处理理由', true),
      textarea('pickup', '退还物品的领取时间、地点', false),
      remedyNotice(),
      date('decided_on', '决定日期', true),
    ],
    commonRequired: ['legal_basis'],
    minimumOfficers: 0,
    source: '行政处罚法 第五十六条、S1 第十三条',
  },
  {
    id: 'rectification_notice',
    name: '责令（限期）改正通知书',
    categories: ['inspection'],
    activities: ['rectification_order'],
    phase: 'review_decision',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: false,
    numberPrefix: '责改字',
    fields: [
      party('party', '当事人', true),
      textarea('violation', '违法行为', true),
      textarea('rectification', '改正内容', true),
      date('rectification_due', '改正期限', true, { help: '逾期未改正的，依法处理；期限届满后核查整改情况（CASE-11）' }),
      textarea('consequences', '逾期不改正的后果', false),
      text('contact', '联系人、电话及地址', false),
      remedyNotice(),
      date('ordered_on', '通知日期', true),
    ],
    commonRequired: ['legal_basis'],
    minimumOfficers: 0,
    source: '行政处罚法 第二十八条、S1 第二十七条',
  },
];

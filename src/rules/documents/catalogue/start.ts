import type { DocumentType } from '../document-type.js';
import { approvalOpinions, column, date, datetime, items, options, party, remedyNotice, select, text, textarea } from '../field-builders.js';

// 程序启动 (start): ex officio filing, emergency start with retro-approval, and the application
// route of licensing (S1 第七条–第八条, S0 第十一条, S3 全过程记录办法 第九条).

const FILED_CATEGORIES: DocumentType['categories'] = ['penalty_general', 'coercive_measure', 'coercive_execution', 'inspection', 'expropriation'];

const CASE_SOURCES = options('监督检查发现', '投诉、举报', '上级机关交办', '有关部门移送', '媒体曝光', '其他');

const caseHeader = () => [
  text('case_cause', '案由', true),
  select('case_source', '案件来源', true, CASE_SOURCES),
  party('party', '当事人基本情况', true),
];

const applicationHeader = () => [
  party('applicant', '申请人', true),
  text('application_item', '申请事项', true),
  date('application_received_at', '申请日期', true),
];

export const startDocuments: DocumentType[] = [
  {
    id: 'case_filing_approval',
    name: '立案审批表',
    categories: FILED_CATEGORIES,
    activities: ['filing'],
    phase: 'start',
    issuedToParty: false,
    audience: 'internal',
    signers: ['officer'],
    approval: true,
    numberPrefix: '立字',
    fields: [
      ...caseHeader(),
      textarea('start_reason', '启动原因', true),
      textarea('basic_facts', '基本案情', true),
      ...approvalOpinions(),
    ],
    commonRequired: ['legal_basis'],
    minimumOfficers: 2,
    source: 'S1 第七条',
  },
  {
    id: 'emergency_start_retro_approval',
    name: '紧急启动补报审批表',
    categories: FILED_CATEGORIES,
    activities: ['emergency_start'],
    phase: 'start',
    issuedToParty: false,
    audience: 'internal',
    signers: ['officer'],
    approval: true,
    numberPrefix: '补立字',
    fields: [
      ...caseHeader(),
      textarea('emergency_circumstances', '紧急情况说明', true, { help: '说明为何不能先经批准再启动' }),
      datetime('started_at', '先行启动时间', true),
      textarea('measures_taken', '已采取的措施', true),
      textarea('basic_facts', '基本案情', true),
      datetime('retro_reported_at', '补报时间', true, { help: '应在启动后24小时内补报（S1 第七条）' }),
      ...approvalOpinions(),
    ],
    commonRequired: ['legal_basis'],
    minimumOfficers: 2,
    source: 'S1 第七条',
  },
  {
    id: 'application_acceptance_notice',
    name: '受理通知书',
    categories: ['licensing'],
    activities: ['application_acceptance'],
    phase: 'start',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: false,
    numberPrefix: '受字',
    fields: [
      ...applicationHeader(),
      items('materials', '申请材料', true, [
        column('name', '材料名称', 'text', true),
        column('copies', '份数', 'number'),
        column('form', '形式', 'select', false, options('原件', '复印件', '电子件')),
      ]),
      textarea('acceptance_statement', '受理意见', true),
      text('review_time_limit', '审查期限', true, { help: '如：自受理之日起二十个工作日内作出决定' }),
      text('contact', '联系人及电话', false),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: 'S0 第十一条',
  },
  {
    id: 'application_rejection_notice',
    name: '不予受理通知书',
    categories: ['licensing'],
    activities: ['application_rejection'],
    phase: 'start',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: false,
    numberPrefix: '不受字',
    fields: [
      ...applicationHeader(),
      textarea('rejection_reasons', '不予受理的理由', true),
      text('competent_agency', '告知向有关行政机关申请', false, { help: '申请事项不属于本机关职权范围的，告知向哪个机关申请' }),
      remedyNotice(),
    ],
    commonRequired: ['legal_basis'],
    minimumOfficers: 0,
    source: 'S0 第十一条',
  },
  {
    id: 'correction_notice',
    name: '补正通知书',
    categories: ['licensing'],
    activities: ['correction_request'],
    phase: 'start',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: false,
    numberPrefix: '补字',
    fields: [
      ...applicationHeader(),
      items('correction_items', '需要补正的材料', true, [
        column('material', '材料名称', 'text', true),
        column('requirement', '补正要求', 'text', true),
      ]),
      date('correction_deadline', '补正期限', true),
      textarea('consequence_notice', '逾期不补正的后果', false),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: 'S0 第十一条',
  },
  {
    // Where a clue came from, before anyone decides to file (S1 第八条); kept for every source.
    id: 'case_source_register',
    name: '案件来源登记表',
    categories: ['penalty_general', 'inspection'],
    activities: ['complaint_registration', 'filing', 'inspection_start'],
    phase: 'start',
    issuedToParty: false,
    audience: 'internal',
    signers: ['officer'],
    approval: false,
    numberPrefix: null,
    fields: [
      select('case_source', '案件来源', true, CASE_SOURCES),
      datetime('received_at', '登记时间', true),
      text('reporter', '投诉举报人或移送机关', false),
      text('reporter_contact', '联系方式', false),
      party('party', '涉嫌违法的当事人', false),
      textarea('content', '主要内容', true),
      textarea('handler_opinion', '处理意见', true),
      textarea('head_opinion', '负责人意见', false),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: 'S1 第八条',
  },
];

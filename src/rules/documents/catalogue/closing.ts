import { CATEGORY_IDS } from '../../profiles/vocabulary.js';
import type { DocumentType } from '../document-type.js';
import { approvalOpinions, column, date, datetime, items, options, party, select, text, textarea } from '../field-builders.js';

// 送达执行 and 归档管理: the service receipt with every service method of S1 第二十二–二十六条,
// the closing approval (CASE-12) and the file index of the archived volume (S1 第三十一条).

const SERVICE_METHODS = options('直接送达', '留置送达', '邮寄送达', '委托送达', '转交送达', '公告送达', '电子送达');

export const closingDocuments: DocumentType[] = [
  {
    id: 'service_receipt',
    name: '送达回证',
    categories: [...CATEGORY_IDS],
    activities: ['service', 'service_left_at_premises', 'service_public_notice'],
    phase: 'service_execution',
    issuedToParty: false,
    audience: 'internal',
    signers: ['server', 'recipient', 'witness'],
    approval: false,
    numberPrefix: null,
    fields: [
      items('served_documents', '送达文书', true, [
        column('document_name', '文书名称', 'text', true),
        column('document_number', '文号'),
        column('copies', '份数', 'number'),
      ]),
      party('recipient', '受送达人', true),
      text('service_address', '送达地点', true),
      select('service_method', '送达方式', true, SERVICE_METHODS),
      datetime('served_at', '送达时间', true),
      text('signee', '签收人', false, { help: '受送达人以外的签收人写明与受送达人的关系' }),
      textarea('refusal_reason', '拒收事由', false, {
        help: '留置送达时记明拒收事由和日期，由送达人、见证人签名（S1 第二十四条）',
        requiredWhen: { field: 'service_method', equals: ['留置送达'] },
      }),
      text('postal_receipt', '挂号信或特快专递凭证号', false, { requiredWhen: { field: 'service_method', equals: ['邮寄送达'] } }),
      textarea('entrust_reason', '委托或转交的原因', false, { requiredWhen: { field: 'service_method', equals: ['委托送达', '转交送达'] } }),
      textarea('public_notice', '公告送达情况', false, {
        help: '其他方式均无法送达的情况，公告的方式和载体（S1 第二十六条）',
        requiredWhen: { field: 'service_method', equals: ['公告送达'] },
      }),
    ],
    commonRequired: [],
    minimumOfficers: 1,
    source: 'S0 第二十七条、S1 第二十二–二十六条',
  },
  {
    id: 'closing_approval',
    name: '结案审批表',
    categories: [...CATEGORY_IDS],
    activities: ['closing'],
    phase: 'service_execution',
    issuedToParty: false,
    audience: 'internal',
    signers: ['officer'],
    approval: true,
    numberPrefix: null,
    fields: [
      text('case_cause', '案由', true),
      party('party', '当事人', true),
      textarea('decision_summary', '处理决定及文号', true),
      textarea('execution_status', '执行情况', true, { help: '当事人履行、整改核查或强制执行的结果（S1 第二十七条）' }),
      select('closing_reason', '结案理由', true, options('执行完毕', '终结执行', '不予行政处罚', '移送司法机关', '撤销立案', '准予或不予许可已送达', '其他')),
      datetime('ended_at', '执法行为终结时间', true, { help: '归档期限自此起算' }),
      ...approvalOpinions(),
    ],
    commonRequired: [],
    minimumOfficers: 1,
    source: 'S1 第三十一条、第三十六条',
  },
  {
    id: 'file_index',
    name: '卷内目录',
    categories: [...CATEGORY_IDS],
    activities: ['archive'],
    phase: 'archiving',
    issuedToParty: false,
    audience: 'internal',
    signers: [],
    approval: false,
    numberPrefix: null,
    fields: [
      text('archive_number', '档号', false),
      text('retention_period', '保管期限', true),
      items('entries', '卷内文件', true, [
        column('sequence', '序号', 'number', true),
        column('document_name', '文件名称', 'text', true),
        column('document_number', '文号'),
        column('date', '日期', 'date'),
        column('pages', '页号'),
        column('remark', '备注'),
      ]),
      text('compiled_by', '立卷人', true),
      date('compiled_on', '立卷日期', true),
      text('checked_by', '检查人', false),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: 'S0 第三十四条、S1 第三十一条',
  },
];

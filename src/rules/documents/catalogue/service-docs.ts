import { CATEGORY_IDS } from '../../profiles/vocabulary.js';
import type { DocumentType } from '../document-type.js';
import { column, date, items, options, party, select, text, textarea } from '../field-builders.js';

// Service (SRV-1, SRV-2) beyond the 送达回证: where and how the party agrees to be served, electronic
// service only with its consent (民事诉讼法 第九十条), and the public notice when every other
// method failed (民事诉讼法 第九十五条, S1 第二十六条).

export const serviceDocuments: DocumentType[] = [
  {
    id: 'service_address_confirmation',
    name: '送达地址确认书',
    categories: [...CATEGORY_IDS],
    activities: ['service'],
    phase: 'service_execution',
    issuedToParty: false,
    audience: 'internal',
    signers: ['recipient', 'officer'],
    approval: false,
    numberPrefix: null,
    fields: [
      party('recipient', '受送达人', true),
      text('postal_address', '送达地址', true),
      text('postcode', '邮政编码', false),
      text('addressee', '收件人', false, { help: '受送达人以外的代收人写明与受送达人的关系' }),
      text('phone', '联系电话', true),
      select('electronic_consent', '是否同意电子送达', true, options('同意', '不同意')),
      text('electronic_address', '电子送达地址', false, {
        help: '电子邮箱、传真号码或即时通讯账号；同意电子送达的必填（民事诉讼法 第九十条）',
        requiredWhen: { field: 'electronic_consent', equals: ['同意'] },
      }),
      textarea('electronic_scope', '同意电子送达的文书范围', false),
      textarea('undertaking', '受送达人的告知和承诺', true, {
        help: '送达地址变更应当及时书面告知；地址不准确或者变更未告知导致文书未能实际接收的，文书退回之日视为送达之日',
      }),
      date('confirmed_on', '确认日期', true),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: '民事诉讼法 第九十条、S1 第二十二条',
  },
  {
    id: 'service_announcement',
    name: '文书送达公告',
    categories: CATEGORY_IDS.filter((category) => category !== 'penalty_simple'),
    activities: ['service_public_notice'],
    phase: 'service_execution',
    issuedToParty: true,
    audience: 'party',
    signers: [],
    approval: false,
    numberPrefix: '公告字',
    fields: [
      party('party', '受送达人', true),
      items('documents', '公告送达的文书', true, [column('document_name', '文书名称', 'text', true), column('document_number', '文号')]),
      textarea('other_methods_failed', '其他方式无法送达的情况', true, { help: 'S1 第二十六条' }),
      textarea('content', '文书主要内容', true),
      text('waiting_period', '公告期', true, { help: '自公告发布之日起经过三十日，即视为送达（民事诉讼法 第九十五条）' }),
      text('medium', '公告方式和载体', true),
      text('pickup', '领取文书的地点和联系方式', true),
      date('published_on', '公告日期', true),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: '民事诉讼法 第九十五条、S1 第二十六条',
  },
];

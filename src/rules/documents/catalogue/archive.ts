import { CATEGORY_IDS } from '../../profiles/vocabulary.js';
import type { DocumentType } from '../document-type.js';
import { date, number, options, party, select, text, textarea } from '../field-builders.js';

// 归档管理: the cover and the closing note (备考表) of an archived volume, beside the 卷内目录
// (S1 第三十一条, S0 第三十四条).

export const archiveDocuments: DocumentType[] = [
  {
    id: 'file_cover',
    name: '卷宗封面',
    categories: [...CATEGORY_IDS],
    activities: ['archive'],
    phase: 'archiving',
    issuedToParty: false,
    audience: 'internal',
    signers: [],
    approval: false,
    numberPrefix: null,
    fields: [
      text('case_cause', '案由', true),
      party('party', '当事人', true),
      textarea('outcome', '处理结果', true),
      date('filed_on', '立案日期', false),
      date('closed_on', '结案日期', true),
      text('handlers', '承办人', true),
      select('retention_period', '保管期限', true, options('永久', '长期', '短期', '30年', '10年')),
      text('archive_number', '档号', false),
      number('volume_count', '本案共几卷', false),
      number('page_count', '本卷页数', false),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: 'S1 第三十一条、S0 第三十四条',
  },
  {
    id: 'file_remarks',
    name: '备考表',
    categories: [...CATEGORY_IDS],
    activities: ['archive'],
    phase: 'archiving',
    issuedToParty: false,
    audience: 'internal',
    signers: [],
    approval: false,
    numberPrefix: null,
    fields: [
      textarea('notes', '本卷情况说明', true, { help: '卷内文件缺损、修改、补充、移出及音像资料等情况' }),
      text('compiled_by', '立卷人', true),
      text('checked_by', '检查人', true),
      date('compiled_on', '立卷日期', true),
    ],
    commonRequired: [],
    minimumOfficers: 0,
    source: 'S1 第三十一条',
  },
];

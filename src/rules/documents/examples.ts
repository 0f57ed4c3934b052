import type { DocumentValues } from './field-values.js';
import type { RenderMeta } from './render-meta.js';

// A realistic 扣押决定书 with its 扣押清单, shared by the tests and the benchmark so both exercise
// the same content as an officer would produce it.

export const exampleOfficers = [
  { name: '王建国', certificateNo: '21040100123' },
  { name: '李晓红', certificateNo: '21040100456' },
];

export const exampleParty = { kind: 'legal' as const, name: '抚顺县某某网吧', idNumber: '91210421MA0XXXXX1K', legalRepresentative: '赵某', address: '抚顺县石文镇文化路8号' };

export function exampleSeizureDecision(): DocumentValues {
  return {
    party: exampleParty,
    measure: '扣押',
    reason: '当事人涉嫌擅自从事互联网上网服务经营活动，为防止证据损毁，依法扣押从事违法经营活动的专用工具和设备。',
    objects: '计算机主机30台等，详见扣押清单。',
    list_reference: '抚文执扣清〔2026〕第7号',
    executed_at: '2026-03-05T14:30',
    place: '抚顺县石文镇文化路8号',
    period: '三十日，自2026年3月5日至2026年4月3日',
    custody: '抚顺县文化市场综合行政执法队涉案物品保管室',
    statements: '当事人表示无异议。',
    remedy_notice: '如不服本决定，可以在收到本决定书之日起六十日内申请行政复议，或者在六个月内依法提起行政诉讼。',
    decided_on: '2026-03-05',
    officers_present: exampleOfficers,
    legal_basis: [{ law: '互联网上网服务营业场所管理条例', article: '第三十一条' }, { law: '中华人民共和国行政强制法', article: '第二十二条、第二十四条' }],
    evidence_relied_on: [{ description: '现场检查笔录', ref: '2026-03-05' }, { description: '询问笔录（赵某）' }],
    maker: '王建国',
    reviewer: '张队长',
  };
}

export function exampleSeizureList(rows: number): DocumentValues {
  return {
    party: exampleParty,
    decision_number: '抚文执扣字〔2026〕第7号',
    executed_at: '2026-03-05T14:30',
    place: '抚顺县石文镇文化路8号',
    seized_items: Array.from({ length: rows }, (_, index) => ({
      name: index % 2 === 0 ? '计算机主机' : '液晶显示器',
      specification: `型号 HX-${100 + index}`,
      quantity: 1,
      unit: '台',
      condition: '八成新，可正常开机',
      remark: `机位 ${index + 1} 号`,
    })),
    custodian: '李晓红，涉案物品保管室',
    officers_present: exampleOfficers,
    maker: '王建国',
  };
}

export const exampleMeta = (status: RenderMeta['status'] = 'issued'): RenderMeta => ({
  agencyName: '抚顺县文化市场综合行政执法队',
  documentNumber: '抚文执扣字〔2026〕第7号',
  version: 1,
  status,
  signatures: [],
  issuedAt: '2026-03-05',
  matterNumber: 'FS-2026-0007',
  partyName: '抚顺县某某网吧',
});

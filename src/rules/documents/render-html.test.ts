import { describe, expect, it } from 'vitest';
import { documentType } from './catalogue/index.js';
import { exampleMeta, exampleSeizureDecision, exampleSeizureList } from './examples.js';
import { amountInCapitals, formatDateTime, formatMoney, formatParty } from './format-values.js';
import { renderDocumentHtml } from './render-html.js';
import type { SignatureMeta } from './render-meta.js';

const seizure = documentType('seizure_decision')!;
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
const INJECTION = '<script>alert(1)</script><img src=x onerror="alert(2)">';

describe('DOC-5 print view', () => {
  it('DOC-5: an A4 page with GB/T 9704 margins, 仿宋 body, title, 文号, officers with 执法证号 and page numbers', () => {
    const html = renderDocumentHtml(seizure, exampleSeizureDecision(), exampleMeta());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('size: A4; margin: 37mm 26mm 35mm 28mm');
    expect(html).toContain('"FangSong","STFangsong","仿宋","Noto Serif CJK SC",serif');
    expect(html).toContain('counter(page)');
    expect(html).toContain('<h1>扣押决定书</h1>');
    expect(html).toContain('抚文执扣字〔2026〕第7号');
    expect(html).toContain('王建国（执法证号：21040100123）、李晓红（执法证号：21040100456）');
    expect(html).toContain('《中华人民共和国行政强制法》第二十二条、第二十四条');
    expect(html).toContain('2026年3月5日14时30分');
    expect(html).not.toContain('草稿');
  });

  it('DOC-5: a document issued to the party has a seal area with agency and date but no seal image; an internal record has none', () => {
    const html = renderDocumentHtml(seizure, exampleSeizureDecision(), exampleMeta());
    expect(html).toMatch(/<div class="seal"><div class="circle">印章<\/div><p class="line">抚顺县文化市场综合行政执法队<\/p><p class="line">2026年3月5日<\/p>/);
    const record = renderDocumentHtml(documentType('questioning_record')!, { maker: '王建国' }, exampleMeta());
    expect(record).not.toContain('class="seal"');
  });

  it('DOC-5: item rows print as a numbered table', () => {
    const html = renderDocumentHtml(documentType('seizure_list')!, exampleSeizureList(30), exampleMeta());
    expect(html.match(/<tr><td>\d+<\/td>/g)).toHaveLength(30);
    expect(html).toContain('<th>规格型号</th>');
    expect(html).toContain('机位 30 号');
  });

  it('DOC-5: a draft prints with a visible 草稿 mark', () => {
    const html = renderDocumentHtml(seizure, exampleSeizureDecision(), exampleMeta('draft'));
    expect(html).toContain('<div class="draft-mark" aria-hidden="true">草稿</div>');
    expect(html).toContain('<title>扣押决定书 抚文执扣字〔2026〕第7号（草稿）</title>');
  });

  it('DOC-5: user text is escaped everywhere, so no markup from values or meta reaches the page', () => {
    const values = { ...exampleSeizureDecision(), reason: INJECTION, place: '"><svg onload=alert(3)>', seized: INJECTION };
    const meta = {
      ...exampleMeta(),
      agencyName: INJECTION,
      documentNumber: '</title><script>x</script>',
      partyName: '<b>赵某</b>',
      signatures: [{ role: 'party', signerName: INJECTION, method: 'refused', refusalReason: INJECTION, witnessName: '<i>钱某</i>' }] satisfies SignatureMeta[],
      approvals: [{ role: 'approver' as const, name: '<u>孙</u>', opinion: INJECTION, at: '2026-03-05T13:00' }],
    };
    const html = renderDocumentHtml(seizure, values, meta);
    expect(html).not.toMatch(/<script|<img src=x|<svg|<b>|<i>|<u>|onerror="/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(3)&gt;');
  });

  it('DOC-5: a signature image must be a PNG or JPEG data URL; anything else is left out', () => {
    const signatures: SignatureMeta[] = [
      { role: 'officer', signerName: '王建国', method: 'drawn', imageDataUrl: 'javascript:alert(1)' },
      { role: 'party', signerName: '赵某', method: 'scanned', imageDataUrl: 'data:image/svg+xml;base64,PHN2Zz4=' },
    ];
    const html = renderDocumentHtml(seizure, exampleSeizureDecision(), { ...exampleMeta(), signatures });
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('svg+xml');
    expect(html).not.toContain('<img');
  });
});

describe('DOC-3 signatures', () => {
  it('DOC-3: a drawn signature prints as its image; a refusal prints its reason and witness; a missing signer gets a blank line', () => {
    const signatures: SignatureMeta[] = [
      { role: 'officer', signerName: '王建国', method: 'drawn', imageDataUrl: PNG, signedAt: '2026-03-05T14:40' },
      { role: 'party', signerName: '赵某', method: 'refused', refusalReason: '对扣押有异议', witnessName: '钱某' },
    ];
    const html = renderDocumentHtml(seizure, exampleSeizureDecision(), { ...exampleMeta(), signatures });
    expect(html).toContain(`<img alt="执法人员王建国的签名" src="${PNG}">`);
    expect(html).toContain('当事人拒绝签字，理由：对扣押有异议，见证人：钱某');
    expect(html).toMatch(/见证人（签名）：<\/span><span class="blank"><\/span>/);
  });
});

describe('DOC-4 versions', () => {
  it('DOC-4: a correction names the version it replaces and why; a first version prints no version line', () => {
    const corrected = renderDocumentHtml(seizure, exampleSeizureDecision(), { ...exampleMeta(), version: 2, replacesVersion: 1, correctionReason: '扣押期限写错' });
    expect(corrected).toContain('<p class="version">第2版，更正第1版：扣押期限写错</p>');
    expect(renderDocumentHtml(seizure, exampleSeizureDecision(), exampleMeta())).not.toContain('class="version"');
  });
});

describe('DOC-5 value formats', () => {
  it('DOC-5: money prints in figures and capitals; instants print in China Standard Time', () => {
    expect(formatMoney(5000)).toBe('人民币5,000.00元（大写：伍仟元整）');
    expect(amountInCapitals(100010)).toBe('壹拾万零壹拾元整');
    expect(amountInCapitals(1234.5)).toBe('壹仟贰佰叁拾肆元伍角');
    expect(amountInCapitals(20001.1)).toBe('贰万零壹元壹角');
    expect(amountInCapitals(0.05)).toBe('伍分');
    expect(formatDateTime('2026-03-05T18:30:00Z')).toBe('2026年3月6日2时30分');
    expect(formatDateTime('2026-03-05T09:05')).toBe('2026年3月5日9时05分');
  });
});

describe('DOC-5 papers that leave the agency', () => {
  const approvals = [
    { role: 'handler' as const, name: '王建国', opinion: '拟立案调查', at: '2026-03-05T09:00' },
    { role: 'approver' as const, name: '孙局长', opinion: '同意', at: '2026-03-05T11:00' },
  ];

  it('DOC-5: the printed 行政处罚决定书 carries 文号, body, seal and date but no 审批记录 table and no maker or reviewer', () => {
    const values = { party: exampleSeizureDecision().party, procedure: '一般程序', facts: '擅自从事经营活动', maker: '王建国', reviewer: '李科长' };
    const html = renderDocumentHtml(documentType('penalty_decision')!, values, { ...exampleMeta(), documentNumber: '抚文执罚决字〔2026〕第3号', approvals });
    expect(html).toContain('抚文执罚决字〔2026〕第3号');
    expect(html).toContain('class="seal"');
    expect(html).not.toContain('审批记录');
    expect(html).not.toContain('孙局长');
    expect(html).not.toContain('制作人');
    expect(html).not.toContain('承办机构审核人');
  });

  it('DOC-5: the 立案审批表 still prints its approvals with opinions and times, and who made it', () => {
    const html = renderDocumentHtml(documentType('case_filing_approval')!, { case_cause: '擅自经营', maker: '王建国' }, { ...exampleMeta(), approvals });
    expect(html).toContain('审批记录');
    expect(html).toMatch(/<td>批准人<\/td><td>孙局长<\/td><td>同意<\/td><td>2026年3月5日11时00分<\/td>/);
    expect(html).toContain('制作人');
    expect(html).not.toContain('class="seal"');
  });

  it('DOC-5: a paper for a court (强制执行申请书) prints like a paper for the party: seal, no approval table', () => {
    const html = renderDocumentHtml(documentType('court_enforcement_application')!, { court: '抚顺县人民法院', maker: '王建国' }, { ...exampleMeta(), approvals });
    expect(html).toContain('class="seal"');
    expect(html).not.toContain('审批记录');
  });
});

describe('DOC-5 当事人 as the forms print it (issue 12)', () => {
  it('DOC-5: a person prints 性别, 出生日期, 身份证件号码, 职业, 工作单位, 住址, 邮编 and 联系电话', () => {
    expect(formatParty({ kind: 'natural', name: '赵某', gender: 'male', birthDate: '1980-06-01', idNumber: '210421198006010011', occupation: '个体经营', employer: '无', address: '抚顺县石文镇', postcode: '113000', phone: '13812345678' }))
      .toBe('赵某（自然人；性别：男；出生日期：1980年6月1日；身份证件号码：210421198006010011；职业：个体经营；工作单位：无；住址：抚顺县石文镇；邮编：113000；联系电话：13812345678）');
    expect(formatParty({ kind: 'natural', name: '钱某', age: 45 })).toBe('钱某（自然人；年龄：45岁）');
  });

  it('DOC-5: an organisation prints its 法定代表人 with 职务 and its 主体资格证照; a 个体工商户 its 字号 and 经营者', () => {
    expect(formatParty({ kind: 'legal', name: '某某有限公司', idNumber: '91210421MA0XXXXX1K', licenceName: '营业执照', licenceNumber: '210421000012345', legalRepresentative: '孙某', legalRepresentativeTitle: '执行董事', address: '抚顺县文化路8号' }))
      .toBe('某某有限公司（法人或其他组织；统一社会信用代码：91210421MA0XXXXX1K；主体资格证照：营业执照，编号210421000012345；法定代表人（负责人）：孙某（执行董事）；住所：抚顺县文化路8号）');
    const shop = { kind: 'individual_business' as const, name: '抚顺县石文镇某某网吧', tradeName: '某某', idNumber: '92210421MA0YYYYY2L', operatorName: '李某', address: '石文镇中街3号' };
    expect(formatParty(shop)).toBe('抚顺县石文镇某某网吧（个体工商户；字号：某某；统一社会信用代码：92210421MA0YYYYY2L；经营者：李某；经营场所：石文镇中街3号）');
    const html = renderDocumentHtml(documentType('penalty_decision')!, { party: shop, maker: '王建国' }, exampleMeta());
    expect(html).toContain('经营者：李某');
  });
});

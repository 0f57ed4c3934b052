import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentType } from '../rules/documents/catalogue/index.js';
import { exampleMeta, exampleSeizureDecision, exampleSeizureList } from '../rules/documents/examples.js';
import type { SignatureMeta } from '../rules/documents/render-meta.js';
import { renderDocx } from './render-docx.js';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

async function unzipped(buffer: Buffer) {
  const files = unzipSync(new Uint8Array(buffer));
  const text = (path: string) => strFromU8(files[path]!);
  return { files, text };
}

/** Text runs of a WordprocessingML part, joined, so assertions read like the printed page. */
const plainText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('');

describe('DOC-5 DOCX export', () => {
  it('DOC-5: the DOCX unzips with the document text, officers with 执法证号 and the 30 list rows in word/document.xml', async () => {
    const { text } = await unzipped(await renderDocx(documentType('seizure_list')!, exampleSeizureList(30), exampleMeta()));
    const body = plainText(text('word/document.xml'));
    expect(body).toContain('扣押清单');
    expect(body).toContain('抚文执扣字〔2026〕第7号');
    expect(body).toContain('王建国（执法证号：21040100123）');
    expect(body).toContain('机位 30 号');
    expect(text('word/document.xml').match(/<w:tr>|<w:tr /g)?.length).toBe(31);
  });

  it('DOC-5: A4 with GB/T 9704 margins, 仿宋 body font named, page numbers in the footer', async () => {
    const { files, text } = await unzipped(await renderDocx(documentType('seizure_decision')!, exampleSeizureDecision(), exampleMeta()));
    const document = text('word/document.xml');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:top="2098"/);
    expect(document).toMatch(/w:bottom="1984"/);
    expect(document).toMatch(/w:left="1587"/);
    expect(document).toMatch(/w:right="1474"/);
    expect(document).toContain('w:eastAsia="仿宋"');
    const footers = Object.keys(files).filter((path) => /^word\/footer\d*\.xml$/.test(path)).map(text).join('');
    expect(footers).toContain('PAGE');
  });

  it('DOC-5: a draft says 草稿 in its header; a correction prints its version line; text is XML-escaped', async () => {
    const meta = { ...exampleMeta('draft'), version: 2, replacesVersion: 1, correctionReason: '更正<期限>' };
    const { files, text } = await unzipped(await renderDocx(documentType('seizure_decision')!, { ...exampleSeizureDecision(), reason: '<w:p>注入</w:p>' }, meta));
    const headers = Object.keys(files).filter((path) => /^word\/header\d*\.xml$/.test(path)).map(text).join('');
    expect(plainText(headers)).toContain('草稿');
    const document = text('word/document.xml');
    expect(plainText(document)).toContain('第2版，更正第1版：更正&lt;期限&gt;');
    expect(document).toContain('&lt;w:p&gt;注入&lt;/w:p&gt;');
  });

  it('DOC-3: a drawn signature is embedded as an image and a refusal prints with reason and witness', async () => {
    const signatures: SignatureMeta[] = [
      { role: 'officer', signerName: '王建国', method: 'drawn', imageDataUrl: PNG },
      { role: 'party', signerName: '赵某', method: 'refused', refusalReason: '对扣押有异议', witnessName: '钱某' },
    ];
    const { files, text } = await unzipped(await renderDocx(documentType('seizure_decision')!, exampleSeizureDecision(), { ...exampleMeta(), signatures }));
    expect(Object.keys(files).some((path) => path.startsWith('word/media/'))).toBe(true);
    expect(plainText(text('word/document.xml'))).toContain('当事人拒绝签字，理由：对扣押有异议，见证人：钱某');
  });
});

describe('DOC-5 DOCX of papers that leave the agency', () => {
  it('DOC-5: the DOCX of a 行政处罚决定书 has no approval record; the 结案审批表 has its approvals', async () => {
    const approvals = [{ role: 'approver' as const, name: '孙局长', opinion: '同意', at: '2026-03-05T11:00' }];
    const decision = await unzipped(await renderDocx(documentType('penalty_decision')!, { facts: '擅自经营', maker: '王建国' }, { ...exampleMeta(), approvals }));
    expect(plainText(decision.text('word/document.xml'))).not.toContain('孙局长');
    const closing = await unzipped(await renderDocx(documentType('closing_approval')!, { case_cause: '擅自经营', maker: '王建国' }, { ...exampleMeta(), approvals }));
    expect(plainText(closing.text('word/document.xml'))).toContain('孙局长');
  });
});

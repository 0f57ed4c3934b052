import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { documentType } from '../rules/documents/catalogue/index.js';
import { exampleMeta, exampleSeizureDecision, exampleSeizureList } from '../rules/documents/examples.js';
import type { SignatureMeta } from '../rules/documents/render-meta.js';
import { cjkFonts, fontRuns, woffToSfnt } from './cjk-font.js';
import { renderPdf } from './render-pdf.js';

const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The text a reader extracts, without the spaces and line breaks layout adds. */
async function pdfText(buffer: Buffer): Promise<{ text: string; pages: number }> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { text: text.replace(/\s+/g, ''), pages: totalPages };
}

describe('DOC-5 PDF export', () => {
  it('DOC-5: the PDF holds the document text, 文号, officers with 执法证号, all 30 list rows and page numbers', async () => {
    const pdf = await renderPdf(documentType('seizure_list')!, exampleSeizureList(30), exampleMeta());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { text, pages } = await pdfText(pdf);
    expect(text).toContain('扣押清单');
    expect(text).toContain('抚文执扣字〔2026〕第7号');
    expect(text).toContain('王建国（执法证号：21040100123）');
    expect(text).toContain('机位30号');
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`—${pages}—`);
  });

  it('DOC-5: the CJK font is embedded as a subset, so a document stays small', async () => {
    const pdf = await renderPdf(documentType('seizure_decision')!, exampleSeizureDecision(), exampleMeta());
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSerifSC/);
    expect(raw).toContain('/FontFile2');
    expect(pdf.length).toBeLessThan(150_000);
  });

  it('DOC-5: a draft carries 草稿 and a correction its version line', async () => {
    const meta = { ...exampleMeta('draft'), version: 2, replacesVersion: 1, correctionReason: '更正扣押期限' };
    const { text } = await pdfText(await renderPdf(documentType('seizure_decision')!, exampleSeizureDecision(), meta));
    expect(text).toContain('草稿');
    expect(text).toContain('第2版，更正第1版：更正扣押期限');
  });

  it('DOC-3: a drawn signature is placed as an image and a refusal prints with reason and witness', async () => {
    const signatures: SignatureMeta[] = [
      { role: 'officer', signerName: '王建国', method: 'drawn', imageDataUrl: PNG, signedAt: '2026-03-05T14:40' },
      { role: 'party', signerName: '赵某', method: 'refused', refusalReason: '对扣押有异议', witnessName: '钱某' },
    ];
    const pdf = await renderPdf(documentType('seizure_decision')!, exampleSeizureDecision(), { ...exampleMeta(), signatures });
    expect(pdf.toString('latin1')).toContain('/Subtype /Image');
    const { text } = await pdfText(pdf);
    expect(text).toContain('当事人拒绝签字，理由：对扣押有异议，见证人：钱某');
    expect(text).toContain('2026年3月5日14时40分');
  });

  it('DOC-5: the npm font converts from WOFF and covers common name characters; rarer ones go to the fallback font when installed', () => {
    const fonts = cjkFonts();
    expect(fonts.regular.readUInt32BE(0)).toBe(0x0001_0000);
    expect(() => woffToSfnt(Buffer.from('not a font'))).toThrow('WOFF');
    expect(fontRuns('赵鑫淼', fonts)).toEqual([{ font: 'regular', text: '赵鑫淼' }]);
    const rare = fontRuns('赵骉', fonts);
    expect(rare[0]).toEqual({ font: 'regular', text: '赵' });
    expect(rare[1]?.font).toBe(fonts.fallback ? 'fallback' : 'regular');
  });
});

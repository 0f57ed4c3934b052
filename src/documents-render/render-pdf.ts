import PDFDocument from 'pdfkit';
import type { DocumentType } from '../rules/documents/document-type.js';
import type { DocumentValues } from '../rules/documents/field-values.js';
import { layoutDocument, type DocumentLayout, type LayoutBlock, type SignatureLine } from '../rules/documents/layout.js';
import type { RenderMeta } from '../rules/documents/render-meta.js';
import { cjkFonts, fontRuns, type CjkFonts } from './cjk-font.js';
import { drawTable } from './pdf-table.js';

// PDF export (DOC-5) without a browser: pdfkit with Noto Serif SC from npm, subset to the glyphs
// used, so a one-page document is tens of kilobytes. Same layout as the print view: A4, GB/T 9704
// margins, title 22 pt, body 16 pt, tables 12 pt, page numbers, a 草稿 mark on drafts.

const mm = (value: number) => (value * 72) / 25.4;
const BODY = 16;
const SMALL = 12;
type Pdf = PDFKit.PDFDocument;

/** Writes text in the npm font, switching to the fallback font for characters it lacks. */
export function writeText(doc: Pdf, fonts: CjkFonts, text: string, options: PDFKit.Mixins.TextOptions & { bold?: boolean; size?: number } = {}) {
  const { bold, size = BODY, ...textOptions } = options;
  const runs = fontRuns(text, fonts);
  runs.forEach((run, index) => {
    if (run.font === 'fallback' && fonts.fallback) doc.font(fonts.fallback.path, fonts.fallback.postscriptName);
    else doc.font(bold ? 'cjk-bold' : 'cjk');
    doc.fontSize(size).text(run.text, { ...textOptions, continued: index < runs.length - 1 || textOptions.continued === true });
  });
}

function writeBlock(doc: Pdf, fonts: CjkFonts, block: LayoutBlock) {
  const left = doc.page.margins.left;
  if (block.kind === 'line') {
    writeText(doc, fonts, `${block.label}：`, { bold: true, continued: true });
    writeText(doc, fonts, block.text);
    return;
  }
  writeText(doc, fonts, `${block.label}：`, { bold: true });
  if (block.kind === 'paragraphs') {
    for (const paragraph of block.paragraphs) writeText(doc, fonts, paragraph, { indent: BODY * 2 });
    return;
  }
  drawTable(doc, { columns: ['序号', ...block.columns], rows: block.rows.map((row, index) => [String(index + 1), ...row]), fontSize: SMALL, write: (text, options) => writeText(doc, fonts, text, { ...options, size: SMALL }) });
  doc.x = left;
}

function writeSignature(doc: Pdf, fonts: CjkFonts, line: SignatureLine) {
  doc.moveDown(0.5);
  if (line.refusal) {
    writeText(doc, fonts, `${line.refusal}${line.signedAt ? `（${line.signedAt}）` : ''}`, { size: 14 });
    return;
  }
  const when = line.signedAt ?? '　　年　　月　　日';
  if (!line.image) {
    writeText(doc, fonts, `${line.roleLabel}（签名）：`, { bold: true, continued: true });
    writeText(doc, fonts, `${line.name ? `  ${line.name}  ` : '＿＿＿＿＿＿'}${line.placeholder ?? ''}　${when}`);
    return;
  }
  const imageHeight = mm(12);
  if (doc.y + imageHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const top = doc.y;
  const left = doc.page.margins.left;
  writeText(doc, fonts, `${line.roleLabel}（签名）：`, { bold: true });
  const labelWidth = doc.font('cjk-bold').fontSize(BODY).widthOfString(`${line.roleLabel}（签名）：`);
  doc.image(Buffer.from(line.image.base64, 'base64'), left + labelWidth, top, { height: imageHeight });
  doc.font('cjk').fontSize(BODY).text(when, left + labelWidth + mm(45), top, { lineBreak: false });
  doc.x = left;
  doc.y = top + imageHeight + 4;
}

function writeSeal(doc: Pdf, fonts: CjkFonts, seal: NonNullable<DocumentLayout['seal']>) {
  const radius = mm(21);
  if (doc.y + radius * 2 + mm(8) > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const right = doc.page.width - doc.page.margins.right;
  const centreX = right - mm(35);
  const centreY = doc.y + mm(8) + radius;
  // A dashed circle marks where the seal goes; the system never draws a seal itself.
  doc.save().circle(centreX, centreY, radius).dash(3, { space: 3 }).strokeColor('#888888').stroke().undash().restore();
  doc.fillColor('#888888');
  doc.font('cjk').fontSize(SMALL).text('印章', centreX - radius, centreY - radius + mm(4), { width: radius * 2, align: 'center' });
  doc.fillColor('#000000');
  const available = right - doc.page.margins.left;
  const textWidth = Math.min(available, Math.max(mm(70), doc.font('cjk').fontSize(BODY).widthOfString(seal.agencyName) + BODY));
  doc.x = right - textWidth;
  doc.y = centreY - BODY;
  writeText(doc, fonts, seal.agencyName, { width: textWidth, align: 'center' });
  writeText(doc, fonts, seal.date, { width: textWidth, align: 'center' });
  doc.x = doc.page.margins.left;
}

/** Page numbers and the draft mark go on every page once the content has flowed. */
function finishPages(doc: Pdf, draft: boolean) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc.font('cjk').fontSize(14).fillColor('#000000')
      .text(`— ${index + 1} —`, 0, doc.page.height - bottomMargin + mm(8), { width: doc.page.width, align: 'center', lineBreak: false });
    if (draft) {
      doc.save().rotate(-30, { origin: [doc.page.width / 2, doc.page.height / 2] });
      doc.font('cjk-bold').fontSize(120).fillColor('#c00000', 0.15)
        .text('草稿', 0, doc.page.height / 2 - 80, { width: doc.page.width, align: 'center', lineBreak: false });
      doc.restore();
    }
    doc.page.margins.bottom = bottomMargin;
  }
}

export function layoutPdf(layout: DocumentLayout): Promise<Buffer> {
  const fonts = cjkFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
    bufferPages: true,
    info: { Title: layout.title, Author: layout.agencyName, Subject: layout.documentNumber ?? layout.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', fonts.regular);
  doc.registerFont('cjk-bold', fonts.bold);

  writeText(doc, fonts, layout.agencyName, { size: 18, align: 'center' });
  writeText(doc, fonts, layout.title, { size: 22, bold: true, align: 'center', characterSpacing: 3 });
  doc.moveDown(0.3);
  if (layout.documentNumber) writeText(doc, fonts, layout.documentNumber, { align: 'right' });
  if (layout.versionLine) writeText(doc, fonts, layout.versionLine, { size: SMALL });
  if (layout.caseLine) writeText(doc, fonts, layout.caseLine, { size: 14 });
  doc.moveDown(0.3);
  for (const block of layout.blocks) writeBlock(doc, fonts, block);
  if (layout.approvals.length > 0) {
    doc.moveDown(0.5);
    writeText(doc, fonts, '审批记录：', { bold: true });
    drawTable(doc, {
      columns: ['环节', '姓名', '意见', '时间'],
      rows: layout.approvals.map((step) => [step.roleLabel, step.name, step.opinion, step.at]),
      fontSize: SMALL,
      write: (text, options) => writeText(doc, fonts, text, { ...options, size: SMALL }),
    });
  }
  for (const line of layout.signatures) writeSignature(doc, fonts, line);
  if (layout.seal) writeSeal(doc, fonts, layout.seal);
  finishPages(doc, layout.draft);
  doc.end();
  return finished;
}

/** The document as a PDF file with the CJK font embedded as a subset. */
export function renderPdf(type: DocumentType, values: DocumentValues, meta: RenderMeta): Promise<Buffer> {
  return layoutPdf(layoutDocument(type, values, meta));
}

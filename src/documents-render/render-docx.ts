import {
  AlignmentType, BorderStyle, Document, Footer, Header, ImageRun, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx';
import type { DocumentType } from '../rules/documents/document-type.js';
import type { DocumentValues } from '../rules/documents/field-values.js';
import { layoutDocument, type DocumentLayout, type LayoutBlock, type SignatureLine } from '../rules/documents/layout.js';
import type { RenderMeta } from '../rules/documents/render-meta.js';

// DOCX export (DOC-5) from the same layout as the print view: A4 with GB/T 9704 margins, body in
// 仿宋 三号 (16 pt), title in 宋体 二号 (22 pt). Word substitutes a font it lacks, so the names
// are the ones installed with Chinese Windows and WPS.

const MM_TO_TWIPS = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * MM_TO_TWIPS);
const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋', cs: 'FangSong' };
const TITLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体', cs: 'SimSun' };
const BODY_SIZE = 32;
const TABLE_SIZE = 24;
const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const run = (text: string, options: { bold?: boolean; size?: number; color?: string } = {}) => new TextRun({ text, font: BODY_FONT, size: BODY_SIZE, ...options });

function labelled(label: string, text: string): Paragraph {
  return new Paragraph({ children: [run(`${label}：`, { bold: true }), run(text)] });
}

function tableOf(columns: string[], rows: string[][], numbered = true): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, font: BODY_FONT, size: TABLE_SIZE, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: [...(numbered ? ['序号'] : []), ...columns].map((text) => cell(text, true)) }),
      ...rows.map((row, index) => new TableRow({ children: [...(numbered ? [String(index + 1)] : []), ...row].map((text) => cell(text)) })),
    ],
  });
}

function blockElements(block: LayoutBlock): (Paragraph | Table)[] {
  if (block.kind === 'line') return [labelled(block.label, block.text)];
  const heading = new Paragraph({ children: [run(`${block.label}：`, { bold: true })] });
  if (block.kind === 'paragraphs') {
    return [heading, ...block.paragraphs.map((text) => new Paragraph({ indent: { firstLine: twips(11.2) }, children: [run(text)] }))];
  }
  return [heading, tableOf(block.columns, block.rows), new Paragraph({ children: [] })];
}

function signatureParagraph(line: SignatureLine): Paragraph {
  if (line.refusal) return new Paragraph({ spacing: { before: 120 }, children: [run(`${line.refusal}${line.signedAt ? `（${line.signedAt}）` : ''}`, { size: 28 })] });
  const children: (TextRun | ImageRun)[] = [run(`${line.roleLabel}（签名）：`, { bold: true })];
  if (line.image) {
    const type = line.image.mediaType === 'image/png' ? 'png' : 'jpg';
    children.push(new ImageRun({ type, data: Buffer.from(line.image.base64, 'base64'), transformation: { width: 120, height: 45 } }));
  } else children.push(run(`${line.name ? `  ${line.name}  ` : '＿＿＿＿＿＿'}${line.placeholder ?? ''}`));
  children.push(run(`　${line.signedAt ?? '　　年　　月　　日'}`));
  return new Paragraph({ spacing: { before: 200 }, children });
}

function approvalsTable(layout: DocumentLayout): (Paragraph | Table)[] {
  if (layout.approvals.length === 0) return [];
  const rows = layout.approvals.map((step) => [step.roleLabel, step.name, step.opinion, step.at]);
  return [new Paragraph({ spacing: { before: 240 }, children: [run('审批记录：', { bold: true })] }), tableOf(['环节', '姓名', '意见', '时间'], rows, false)];
}

function sealElements(layout: DocumentLayout): Paragraph[] {
  if (!layout.seal) return [];
  const right = (text: string, extra: object = {}) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(text)], ...extra });
  return [
    // A dashed box marks where the seal goes on paper; the system never draws a seal itself.
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { before: 480 },
      border: { top: { ...thin, style: BorderStyle.DASHED }, bottom: { ...thin, style: BorderStyle.DASHED }, left: { ...thin, style: BorderStyle.DASHED }, right: { ...thin, style: BorderStyle.DASHED } },
      indent: { left: twips(100) },
      children: [run('（印章）', { color: '888888' })],
    }),
    right(layout.seal.agencyName),
    right(layout.seal.date),
  ];
}

export function layoutDocx(layout: DocumentLayout): Document {
  const centred = (text: string, font: typeof BODY_FONT, size: number, bold = false) =>
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text, font, size, bold })] });
  const children: (Paragraph | Table)[] = [
    centred(layout.agencyName, TITLE_FONT, 36),
    centred(layout.title, TITLE_FONT, 44, true),
  ];
  if (layout.documentNumber) children.push(new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(layout.documentNumber)] }));
  if (layout.versionLine) children.push(new Paragraph({ border: { top: thin, bottom: thin, left: thin, right: thin }, children: [run(layout.versionLine, { size: 24 })] }));
  if (layout.caseLine) children.push(new Paragraph({ children: [run(layout.caseLine, { size: 28 })] }));
  children.push(...layout.blocks.flatMap(blockElements), ...approvalsTable(layout), ...layout.signatures.map(signatureParagraph), ...sealElements(layout));

  const header = layout.draft
    ? new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '草稿', font: TITLE_FONT, size: 72, color: 'C00000', bold: true })] })] })
    : new Header({ children: [] });
  const footer = new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: BODY_FONT, size: 28 })] })],
  });
  return new Document({
    title: layout.title,
    creator: layout.agencyName,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [{
      properties: { page: { size: { width: twips(210), height: twips(297) }, margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26) } } },
      headers: { default: header },
      footers: { default: footer },
      children,
    }],
  });
}

/** The document as a .docx file. */
export async function renderDocx(type: DocumentType, values: DocumentValues, meta: RenderMeta): Promise<Buffer> {
  return Packer.toBuffer(layoutDocx(layoutDocument(type, values, meta)));
}

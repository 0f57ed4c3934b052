import type { DocumentType } from './document-type.js';
import type { DocumentValues } from './field-values.js';
import { layoutDocument, type DocumentLayout, type LayoutBlock, type SignatureLine } from './layout.js';
import type { RenderMeta } from './render-meta.js';

// The print view (DOC-5): a complete HTML page in the look of an official document. Margins
// follow GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm); body in 仿宋, title in
// 小标宋/宋体. Every piece of user text passes through escapeHtml; images only as checked data URLs.

export const FANGSONG_STACK = '"FangSong","STFangsong","仿宋","Noto Serif CJK SC",serif';
const TITLE_STACK = '"FZXiaoBiaoSong-B05S","方正小标宋简体","STSong","SimSun","宋体","Noto Serif CJK SC",serif';

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const STYLE = `
@page { size: A4; margin: 37mm 26mm 35mm 28mm;
  @bottom-center { content: "— " counter(page) " —"; font-family: ${FANGSONG_STACK}; font-size: 14pt; } }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FANGSONG_STACK}; font-size: 16pt; line-height: 1.75; color: #000; }
.sheet { max-width: 156mm; margin: 0 auto; }
@media screen { .sheet { padding: 37mm 26mm 35mm 28mm; max-width: 210mm; background: #fff; box-shadow: 0 0 4mm #bbb; }
  body { background: #eee; } }
.agency { text-align: center; font-family: ${TITLE_STACK}; font-size: 18pt; letter-spacing: 0.1em; margin: 0; }
h1 { text-align: center; font-family: ${TITLE_STACK}; font-size: 22pt; font-weight: normal; letter-spacing: 0.15em; margin: 4mm 0 2mm; }
.number { text-align: right; margin: 0 0 2mm; }
.case-line { margin: 0 0 3mm; font-size: 14pt; }
.version { font-size: 12pt; border: 1px solid #000; padding: 1mm 2mm; margin: 0 0 3mm; }
.line { margin: 0; }
.label { font-weight: bold; }
.block p { margin: 0; text-indent: 2em; }
.block p.line { text-indent: 0; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0 3mm; font-size: 12pt; line-height: 1.4; }
th, td { border: 1px solid #000; padding: 1mm 1.5mm; text-align: left; vertical-align: top; }
th { font-weight: bold; text-align: center; }
.approvals, .signatures { margin-top: 5mm; }
.signature { display: flex; align-items: center; gap: 3mm; min-height: 14mm; }
.signature img { height: 12mm; max-width: 50mm; }
.signature .blank { display: inline-block; min-width: 40mm; border-bottom: 1px solid #000; }
.refusal { font-size: 14pt; }
.seal { margin: 8mm 0 0 auto; width: 70mm; text-align: center; position: relative; }
.seal .circle { width: 42mm; height: 42mm; border: 1px dashed #888; border-radius: 50%; margin: 0 auto -30mm;
  display: flex; align-items: center; justify-content: center; color: #888; font-size: 12pt; }
.draft-mark { position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 120pt; color: rgba(200, 0, 0, 0.15);
  transform: rotate(-30deg); pointer-events: none; z-index: 10; }
`;

function blockHtml(block: LayoutBlock): string {
  const label = `<span class="label">${escapeHtml(block.label)}：</span>`;
  if (block.kind === 'line') return `<p class="line">${label}${escapeHtml(block.text)}</p>`;
  if (block.kind === 'paragraphs') {
    return `<div class="block"><p class="line">${label}</p>${block.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('')}</div>`;
  }
  const head = `<tr><th>序号</th>${block.columns.map((column) => `<th>${escapeHtml(column)}</th>`).join('')}</tr>`;
  const rows = block.rows.map((row, index) => `<tr><td>${index + 1}</td>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
  return `<div class="block"><p class="line">${label}</p><table><thead>${head}</thead><tbody>${rows}</tbody></table></div>`;
}

function signatureHtml(line: SignatureLine): string {
  const role = `<span class="label">${escapeHtml(line.roleLabel)}（签名）：</span>`;
  const when = line.signedAt ? `<span>${escapeHtml(line.signedAt)}</span>` : '<span>　　年　　月　　日</span>';
  if (line.refusal) return `<div class="signature refusal">${escapeHtml(line.refusal)}${line.signedAt ? `（${escapeHtml(line.signedAt)}）` : ''}</div>`;
  if (line.image) {
    const alt = escapeHtml(`${line.roleLabel}${line.name ?? ''}的签名`);
    return `<div class="signature">${role}<img alt="${alt}" src="data:${line.image.mediaType};base64,${line.image.base64}">${when}</div>`;
  }
  const name = line.name ? escapeHtml(line.name) : '';
  const mark = line.placeholder ? `<span class="unreadable">${escapeHtml(line.placeholder)}</span>` : '';
  return `<div class="signature">${role}<span class="blank">${name}</span>${mark}${when}</div>`;
}

export function layoutHtml(layout: DocumentLayout): string {
  const parts = [
    layout.draft ? '<div class="draft-mark" aria-hidden="true">草稿</div>' : '',
    `<p class="agency">${escapeHtml(layout.agencyName)}</p>`,
    `<h1>${escapeHtml(layout.title)}</h1>`,
    layout.documentNumber ? `<p class="number">${escapeHtml(layout.documentNumber)}</p>` : '',
    layout.versionLine ? `<p class="version">${escapeHtml(layout.versionLine)}</p>` : '',
    layout.caseLine ? `<p class="case-line">${escapeHtml(layout.caseLine)}</p>` : '',
    ...layout.blocks.map(blockHtml),
  ];
  if (layout.approvals.length > 0) {
    const rows = layout.approvals
      .map((step) => `<tr><td>${escapeHtml(step.roleLabel)}</td><td>${escapeHtml(step.name)}</td><td>${escapeHtml(step.opinion)}</td><td>${escapeHtml(step.at)}</td></tr>`)
      .join('');
    parts.push(`<div class="approvals"><p class="line"><span class="label">审批记录：</span></p><table><thead><tr><th>环节</th><th>姓名</th><th>意见</th><th>时间</th></tr></thead><tbody>${rows}</tbody></table></div>`);
  }
  if (layout.signatures.length > 0) parts.push(`<div class="signatures">${layout.signatures.map(signatureHtml).join('')}</div>`);
  if (layout.seal) {
    parts.push(`<div class="seal"><div class="circle">印章</div><p class="line">${escapeHtml(layout.seal.agencyName)}</p><p class="line">${escapeHtml(layout.seal.date)}</p></div>`);
  }
  const title = escapeHtml(`${layout.title}${layout.documentNumber ? ` ${layout.documentNumber}` : ''}${layout.draft ? '（草稿）' : ''}`);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title><style>${STYLE}</style></head>
<body class="${layout.draft ? 'draft' : 'issued'}"><main class="sheet">${parts.filter(Boolean).join('\n')}</main></body></html>`;
}

/** The print view of a document as a complete HTML page. */
export function renderDocumentHtml(type: DocumentType, values: DocumentValues, meta: RenderMeta): string {
  return layoutHtml(layoutDocument(type, values, meta));
}

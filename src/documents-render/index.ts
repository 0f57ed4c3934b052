// DOCX and PDF export of 执法文书 (DOC-5): I/O-free functions returning Buffers.
export { renderDocx, layoutDocx } from './render-docx.js';
export { renderPdf, layoutPdf } from './render-pdf.js';
export { cjkFonts, woffToSfnt, FALLBACK_FONT_PATH } from './cjk-font.js';

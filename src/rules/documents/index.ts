// 执法文书 as pure rules: the catalogue of document types and their field schemas (DOC-1, DOC-2),
// field validation, standard wording (DOC-6) and the print layout and HTML view (DOC-3..5).
export * from './document-type.js';
export * from './field-values.js';
export { COMMON_FIELDS, fieldsOf } from './field-builders.js';
export * from './catalogue/index.js';
export * from './validate-fields.js';
export * from './snippets.js';
export * from './format-values.js';
export * from './render-meta.js';
export * from './layout.js';
export * from './render-html.js';

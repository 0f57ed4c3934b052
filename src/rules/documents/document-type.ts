import { z } from 'zod';
import { CATEGORY_IDS } from '../profiles/vocabulary.js';
import { PHASE_ORDER, type Phase } from '../matters/phases.js';
import { zhIssueMessage } from '../../shared/zod-zh.js';

// One schema serves three purposes: the type of the built-in catalogue, the validation of an
// agency's own document types (DOC-1 "an agency can add its own types"), and the contract a
// form generator reads. Value shapes per field type are in field-values.ts.

export const FIELD_TYPES = [
  'text', 'textarea', 'date', 'datetime', 'number', 'money', 'select',
  'party', 'officers', 'items', 'law_basis', 'evidence_refs',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Who the printed document is for; see `audience` below. */
export const AUDIENCES = ['party', 'addressee', 'internal'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** Sub-field types allowed in a row of an `items` table. */
export const COLUMN_TYPES = ['text', 'number', 'money', 'date', 'select'] as const;

import { SIGNER_ROLES, type SignerRole } from './signer-roles.js';

export { SIGNER_ROLES, type SignerRole };
const SIGNER_ROLE_IDS = Object.keys(SIGNER_ROLES) as [SignerRole, ...SignerRole[]];

const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, '标识只能用小写字母、数字和下划线，且以字母开头');
const label = z.string().trim().min(1, '名称不能为空');
const optionSchema = z.object({ value: z.string().min(1), label });

const columnSchema = z
  .object({ key: identifier, label, type: z.enum(COLUMN_TYPES), required: z.boolean(), options: z.array(optionSchema).min(1).optional() })
  .refine((column) => column.type !== 'select' || column.options !== undefined, { message: '下拉列必须给出选项', path: ['options'] });

export const fieldDefinitionSchema = z
  .object({
    key: identifier,
    label,
    type: z.enum(FIELD_TYPES),
    required: z.boolean(),
    /** Required only while another field holds one of the listed values (e.g. 留置送达 needs 拒收事由). */
    requiredWhen: z.object({ field: identifier, equals: z.array(z.string()).min(1) }).optional(),
    options: z.array(optionSchema).min(1).optional(),
    /** Least number of rows (items, officers, law_basis, evidence_refs) when the field is filled. */
    min: z.number().int().min(0).optional(),
    columns: z.array(columnSchema).min(1).optional(),
    help: z.string().optional(),
  })
  .refine((field) => field.type !== 'select' || field.options !== undefined, { message: '下拉字段必须给出选项', path: ['options'] })
  .refine((field) => field.type !== 'items' || field.columns !== undefined, { message: '表格字段必须给出列', path: ['columns'] });

/** DOC-2: what every document records, whatever its type. */
export const COMMON_FIELD_KEYS = ['officers_present', 'legal_basis', 'evidence_relied_on', 'factors_considered', 'maker', 'reviewer'] as const;
export type CommonFieldKey = (typeof COMMON_FIELD_KEYS)[number];

export const documentTypeSchema = z
  .object({
    id: identifier,
    name: label,
    categories: z.array(z.enum(CATEGORY_IDS)).min(1, '至少适用一个执法类别'),
    /** Step identifiers of src/rules/matters (activities and procedure steps) this document records. */
    activities: z.array(identifier).min(1, '至少对应一个执法环节'),
    phase: z.enum(PHASE_ORDER as [Phase, ...Phase[]]),
    /** Delivered to the party or another addressee, so it needs a 送达回证 or equivalent. */
    issuedToParty: z.boolean(),
    /**
     * Who reads the printed paper (DOC-5). 'party': served on the party (决定书, 告知书, 通知书,
     * 催告书, 公告); 'addressee': sent to another authority (a court, the receiving agency);
     * 'internal': the agency's own record (笔录, 审批表, 报告). Papers that leave the agency print
     * as the official forms do — 文号, body, seal and date — without the internal approval record
     * or who drafted them; the approval record prints on internal forms only.
     */
    audience: z.enum(AUDIENCES),
    signers: z.array(z.enum(SIGNER_ROLE_IDS)),
    /** Routed 承办人 → 审核人 → 批准人 before it is issued (CASE-4). */
    approval: z.boolean(),
    /** Type part of the 文号, e.g. 扣字 in 某执扣字〔2026〕第12号; null for records without a number. */
    numberPrefix: z.string().min(1).nullable(),
    fields: z.array(fieldDefinitionSchema),
    /** Common fields that must be filled for this type; `maker` always must. */
    commonRequired: z.array(z.enum(COMMON_FIELD_KEYS)),
    /** Least number of officers present with 执法证号 (2 where the law needs two, ORG-2). */
    minimumOfficers: z.number().int().min(0),
    /** Where the seeds ask for this document, e.g. "S1 第七条". */
    source: z.string().min(1),
    /**
     * A type kept so documents already made of it stay readable and valid, but no longer drafted:
     * new documents use these types instead (e.g. 听证笔录/报告 → 听证笔录 and 听证报告).
     */
    supersededBy: z.array(identifier).min(1).optional(),
  })
  .superRefine((type, ctx) => {
    const keys = new Set<string>(COMMON_FIELD_KEYS);
    type.fields.forEach((field, index) => {
      if (keys.has(field.key)) ctx.addIssue({ code: 'custom', message: `字段标识“${field.key}”重复或与通用字段冲突`, path: ['fields', index, 'key'] });
      keys.add(field.key);
    });
    type.fields.forEach((field, index) => {
      if (field.requiredWhen && !type.fields.some((other) => other.key === field.requiredWhen?.field))
        ctx.addIssue({ code: 'custom', message: `条件必填所依据的字段“${field.requiredWhen.field}”不存在`, path: ['fields', index, 'requiredWhen'] });
    });
  });

export type DocumentType = z.infer<typeof documentTypeSchema>;
export type FieldDefinition = DocumentType['fields'][number];
export type ColumnDefinition = NonNullable<FieldDefinition['columns']>[number];
export type FieldOption = z.infer<typeof optionSchema>;

export const chineseErrors = zhIssueMessage;

export type DocumentTypeIssue = { path: string; message: string };

/** Checks an agency's own document type (JSON from its settings) against the catalogue schema. */
export function validateDocumentType(json: unknown): { ok: true; type: DocumentType } | { ok: false; issues: DocumentTypeIssue[] } {
  // Chinese messages for the generic checks too, without changing zod's global configuration.
  const parsed = documentTypeSchema.safeParse(json, { error: chineseErrors });
  if (parsed.success) return { ok: true, type: parsed.data };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

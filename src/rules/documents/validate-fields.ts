import { z } from 'zod';
import { chineseErrors, type ColumnDefinition, type DocumentType, type FieldDefinition } from './document-type.js';
import { fieldsOf } from './field-builders.js';
import { PARTY_KIND_IDS } from '../matters/party.js';
import type { DocumentValues } from './field-values.js';

// Builds the zod schema of a document's values from its field schema, so a built-in type and
// an agency's own type are checked the same way, with messages an officer can act on.

type Issue = z.core.$ZodRawIssue;
const filled = (label: string, expected = '') => (issue: Issue) =>
  issue.input === undefined ? `请填写“${label}”` : expected ? `“${label}”应为${expected}` : `“${label}”格式不正确`;

/** Blank strings, null and empty lists count as "not filled", so a cleared form field is empty, not invalid. */
function blankToUndefined(value: unknown): unknown {
  if (value === null) return undefined;
  if (typeof value === 'string' && value.trim() === '') return undefined;
  if (Array.isArray(value) && value.length === 0) return undefined;
  return typeof value === 'string' ? value.trim() : value;
}

const isRealDate = (value: string) => {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
};

const words = (label: string) => z.string({ error: filled(label, '文字') }).min(1, `请填写“${label}”`);
const optionalWords = z.preprocess(blankToUndefined, z.string({ error: '应为文字' }).optional());

function scalarSchema(definition: { label: string; type: FieldDefinition['type']; options?: { value: string; label?: string }[] | undefined }): z.ZodType {
  const { label } = definition;
  switch (definition.type) {
    case 'text':
    case 'textarea':
      return words(label);
    case 'date':
      return z.string({ error: filled(label) })
        .regex(/^\d{4}-\d{2}-\d{2}$/, { message: `“${label}”应为日期，如 2026-03-05`, abort: true })
        .refine(isRealDate, `“${label}”不是有效日期`);
    case 'datetime':
      return z.string({ error: filled(label) })
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/, { message: `“${label}”应为日期和时间，如 2026-03-05T14:30`, abort: true })
        .refine(isRealDate, `“${label}”不是有效日期`);
    case 'number':
      return z.number({ error: filled(label, '数字') });
    case 'money':
      return z.number({ error: filled(label, '以元为单位的数字') })
        .min(0, `“${label}”不能为负数`)
        .refine((amount) => Math.abs(amount * 100 - Math.round(amount * 100)) < 1e-6, `“${label}”最多精确到分`);
    case 'select': {
      const values = (definition.options ?? []).map((option) => option.value);
      // People read the options' labels; a value may be an id (a step's choice of the matter's seizures).
      const labels = (definition.options ?? []).map((option) => option.label ?? option.value);
      return z.string({ error: filled(label) }).refine((value) => values.includes(value), `“${label}”只能是：${labels.join('、')}`);
    }
    default:
      throw new Error(`not a scalar field type: ${definition.type}`);
  }
}

/** The party's optional details as text (the matter's party record checks them where it is entered). */
const PARTY_TEXT_KEYS = [
  'legalRepresentative', 'legalRepresentativeTitle', 'licenceName', 'licenceNumber', 'tradeName', 'operatorName',
  'gender', 'birthDate', 'occupation', 'employer', 'address', 'postcode', 'phone',
] as const;

const rowsOf = (label: string, row: z.ZodType, min: number, noun = '项') =>
  z.array(row, { error: filled(label) }).min(Math.max(min, 1), `“${label}”至少需要${Math.max(min, 1)}${noun}`);

function columnSchema(column: ColumnDefinition): z.ZodType {
  const schema = scalarSchema(column);
  return z.preprocess(blankToUndefined, column.required ? schema : schema.optional());
}

function filledSchema(field: FieldDefinition): z.ZodType {
  const { label } = field;
  const min = field.min ?? 1;
  switch (field.type) {
    case 'party':
      return z.object({
        kind: z.enum(PARTY_KIND_IDS, { error: `请选择“${label}”是自然人、法人或其他组织还是个体工商户` }),
        name: z.preprocess(blankToUndefined, words(`${label}姓名或名称`)),
        idNumber: optionalWords,
        ...Object.fromEntries(PARTY_TEXT_KEYS.map((key) => [key, optionalWords])),
        age: z.preprocess(blankToUndefined, z.number({ error: '年龄应为整数' }).int('年龄应为整数').min(0).max(150).optional()),
      }, { error: filled(label) });
    case 'officers':
      return rowsOf(label, z.object({
        name: z.preprocess(blankToUndefined, words('执法人员姓名')),
        certificateNo: z.preprocess(blankToUndefined, words('执法证号')),
      }), min, '名执法人员').refine(
        (officers) => new Set(officers.map((officer) => (officer as { certificateNo: string }).certificateNo)).size === officers.length,
        '同一执法证号不能重复出现',
      );
    case 'law_basis':
      return rowsOf(label, z.object({ law: z.preprocess(blankToUndefined, words('法律、法规或规章名称')), article: optionalWords, quote: optionalWords }), min, '条依据');
    case 'evidence_refs':
      return rowsOf(label, z.object({ description: z.preprocess(blankToUndefined, words('证据名称')), ref: optionalWords }), min, '项证据');
    case 'items': {
      const shape = Object.fromEntries((field.columns ?? []).map((column) => [column.key, columnSchema(column)]));
      return rowsOf(label, z.object(shape), min, '行');
    }
    default:
      return scalarSchema(field);
  }
}

/** The zod schema of values for a list of field definitions (a document's, or a step's facts). */
export function fieldValuesSchema(fields: FieldDefinition[]) {
  const shape = Object.fromEntries(
    fields.map((field) => [field.key, z.preprocess(blankToUndefined, field.required ? filledSchema(field) : filledSchema(field).optional())]),
  );
  let schema: z.ZodType<Record<string, unknown>> = z.object(shape);
  for (const field of fields) {
    const condition = field.requiredWhen;
    if (!condition) continue;
    // `when` makes the check run even while other fields have issues, so all gaps show at once.
    schema = schema.refine(
      (values) => !condition.equals.includes(String(values[condition.field] ?? '')) || values[field.key] !== undefined,
      { message: `${field.label}：当“${fields.find((other) => other.key === condition.field)?.label}”为${condition.equals.join('或')}时必须填写`, path: [field.key], when: () => true },
    );
  }
  return schema;
}

/** The zod schema of a document type's values (own fields and DOC-2 common fields). */
export const documentValuesSchema = (type: DocumentType) => fieldValuesSchema(fieldsOf(type));

export type FieldIssue = { path: string; message: string };

/** Validates a document's values against its type: the cleaned values, or every issue in Chinese. */
export function validateDocumentFields(type: DocumentType, values: unknown): { ok: true; values: DocumentValues } | { ok: false; issues: FieldIssue[] } {
  return validateFieldValues(fieldsOf(type), values);
}

/** Validates values against field definitions: the cleaned values, or every issue in Chinese. */
export function validateFieldValues(fields: FieldDefinition[], values: unknown): { ok: true; values: DocumentValues } | { ok: false; issues: FieldIssue[] } {
  const parsed = fieldValuesSchema(fields).safeParse(values ?? {}, { error: chineseErrors });
  if (parsed.success) return { ok: true, values: parsed.data as DocumentValues };
  return { ok: false, issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

import { documentType } from '../../rules/documents/catalogue/index.js';
import { fieldsOf } from '../../rules/documents/field-builders.js';
import type { ColumnDefinition, FieldDefinition } from '../../rules/documents/document-type.js';

// Values for a demo document: what the scenario says, and for the rest of the form a plain value
// of the right kind, so every demo document is complete enough to be issued.

export type DemoParty = { kind: string; name: string; idNumber: string; legalRepresentative?: string | null; address?: string | null; phone?: string | null };
export type DemoFillContext = { day: string; time: string; party: DemoParty | undefined; officers: { name: string; certificateNo: string }[]; maker: string; place: string };

function cell(column: ColumnDefinition, ctx: DemoFillContext): string | number {
  switch (column.type) {
    case 'number':
      return 1;
    case 'money':
      return 100;
    case 'date':
      return ctx.day;
    case 'select':
      return column.options![0]!.value;
    default:
      return column.key === 'name' ? '涉案物品' : column.key === 'unit' ? '件' : `${column.label}见清单`;
  }
}

function valueOf(field: FieldDefinition, ctx: DemoFillContext): unknown {
  switch (field.type) {
    case 'party':
      return ctx.party ? { kind: ctx.party.kind === 'legal' ? 'legal' : 'natural', name: ctx.party.name, idNumber: ctx.party.idNumber, legalRepresentative: ctx.party.legalRepresentative ?? undefined, address: ctx.party.address ?? undefined } : undefined;
    case 'officers':
      return ctx.officers;
    case 'law_basis':
      return [{ law: '中华人民共和国行政处罚法', article: '第二十八条' }];
    case 'evidence_refs':
      return [{ description: '现场检查笔录' }, { description: '询问笔录' }];
    case 'date':
      return ctx.day;
    case 'datetime':
      return `${ctx.day}T${ctx.time}`;
    case 'money':
    case 'number':
      return field.required ? 0 : undefined;
    case 'select':
      return field.options![0]!.value;
    case 'items':
      return [Object.fromEntries((field.columns ?? []).map((c) => [c.key, cell(c, ctx)]))];
    default:
      if (field.key === 'place') return ctx.place;
      if (field.key === 'maker') return ctx.maker;
      return field.required ? `${field.label}：详见案卷材料。` : undefined;
  }
}

/** A complete set of values for `typeId`: the scenario's own, then a plain value for each required field. */
export function demoFields(typeId: string, ctx: DemoFillContext, own: Record<string, unknown> = {}): Record<string, unknown> {
  const type = documentType(typeId);
  if (!type) throw new Error(`unknown document type ${typeId}`);
  const out: Record<string, unknown> = {};
  for (const field of fieldsOf(type)) {
    const v = field.key in own ? own[field.key] : field.required || ['officers', 'party', 'law_basis', 'evidence_refs'].includes(field.type) ? valueOf(field, ctx) : undefined;
    if (v !== undefined) out[field.key] = v;
  }
  for (const field of fieldsOf(type)) {
    const when = field.requiredWhen;
    if (when && out[field.key] === undefined && when.equals.includes(String(out[when.field] ?? ''))) out[field.key] = valueOf({ ...field, required: true }, ctx);
  }
  return out;
}

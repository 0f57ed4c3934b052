import { dayIndexFromYmd, ymdFromDayIndex } from '../../calendar/shanghai-day.js';
import { column, select } from '../../documents/field-builders.js';
import type { ColumnDefinition, FieldDefinition, FieldOption } from '../../documents/document-type.js';
import { MAX_SEIZURE_EXTENSION_DAYS, seizureDue, type SeizureExtension } from '../../law/seizure.js';
import { SEIZURE_TERM } from '../../law/law-deadlines.js';
import type { MatterRecord } from './step-facts.js';

// What the custody steps (先行登记保存, 查封、扣押 and what follows them) read of a matter's record:
// which seizures and preservations it has, their items, and a seizure's last day. Pure; the step
// facts and the matter deadlines share it so a form, a refusal and the 法定期限 card agree.

type RecordedStep = MatterRecord['steps'][number];

/** The columns of an item list, as the 扣押清单 and 先行登记保存清单 have them. */
export const ITEM_COLUMNS: ColumnDefinition[] = [
  column('name', '名称', 'text', true),
  column('specification', '规格', 'text'),
  column('quantity', '数量', 'number', true),
  column('unit', '单位', 'text'),
  column('condition', '状况', 'text'),
];

export type Item = { name: string; specification?: string; quantity: number; unit?: string; condition?: string };

export const SEIZURE_STEPS = ['seizure', 'sealing'] as const;
const MEASURE_NAMES: Record<string, string> = { seizure: '扣押', sealing: '查封' };

/** The value a choice holds when the matter has nothing to choose (always refused by the check). */
export const NOTHING_TO_CHOOSE = 'none';

export const itemsOf = (step: Pick<RecordedStep, 'details'>, key: string): Item[] => {
  const rows = step.details?.[key];
  return Array.isArray(rows) ? (rows as Item[]) : [];
};

const itemSummary = (items: Item[]) => {
  if (!items.length) return '';
  const first = items[0]!;
  return `：${first.name} ${first.quantity}${first.unit ?? ''}${items.length > 1 ? ` 等 ${items.length} 项` : ''}`;
};

/** A seizure or sealing as people name it: "扣押 2026-03-02：无证出版物 120册 等 2 项". */
export const seizureLabel = (s: RecordedStep) => `${MEASURE_NAMES[s.step] ?? s.step} ${s.occurredOn}${itemSummary(itemsOf(s, 'seized_items'))}`;

/** Approved seizures and sealings, oldest first. */
export const seizuresOf = (record: Pick<MatterRecord, 'steps'>) => record.steps.filter((s) => s.done && (SEIZURE_STEPS as readonly string[]).includes(s.step));

/** Approved 先行登记保存 (the form that needs a decision within 7 working days). */
export const registeredPreservationsOf = (record: Pick<MatterRecord, 'steps'>) =>
  record.steps.filter((s) => s.done && s.step === 'evidence_preservation' && s.details?.preservation_form === '先行登记保存');

export const preservationLabel = (s: RecordedStep) => `先行登记保存 ${s.occurredOn}${itemSummary(itemsOf(s, 'preserved_items'))}`;

/** The steps (not returned) that refer to `targetId` through their `key` fact. */
export const stepsReferring = (record: Pick<MatterRecord, 'steps'>, step: string, key: string, targetId: string) =>
  record.steps.filter((s) => s.step === step && s.details?.[key] === targetId);

/**
 * A select whose options are what the matter records (FieldDefinition options are data, so the
 * form is built per matter by StepFacts.fieldsFor). With nothing to choose, one option says so.
 */
export const choiceOf = (key: string, label: string, choices: FieldOption[], none: string): FieldDefinition =>
  select(key, label, true, choices.length ? choices : [{ value: NOTHING_TO_CHOOSE, label: none }]);

export const seizureChoice = (record: Pick<MatterRecord, 'steps'>) =>
  choiceOf('seizure_step', '所涉查封、扣押', seizuresOf(record).map((s) => ({ value: s.id, label: seizureLabel(s) })), '（本案尚无经批准的查封、扣押）');

/** The term a seizure decided (1–30 days, 30 when not stated; 行政强制法 第二十五条). */
export const termOf = (s: Pick<RecordedStep, 'details'>) => {
  const days = s.details?.term_days;
  return typeof days === 'number' ? days : SEIZURE_TERM.amount;
};

/** The last day of the term as decided, before any extension. */
export const originalDueOf = (s: Pick<RecordedStep, 'occurredOn' | 'details'>) => shorten(seizureDue(s.occurredOn, []), termOf(s));

/** Approved extensions of a seizure (at most one may exist, 第二十五条). */
export const extensionsOf = (record: Pick<MatterRecord, 'steps'>, seizureId: string): SeizureExtension[] =>
  stepsReferring(record, 'seizure_extension', 'seizure_step', seizureId).filter((e) => e.done).map((e) => ({ days: Number(e.details?.extension_days) }))
    .filter((e) => Number.isInteger(e.days) && e.days >= 1 && e.days <= MAX_SEIZURE_EXTENSION_DAYS);

/**
 * The seizure's last day with its approved extension (行政强制法 第二十五条 via seizureDue). A
 * term decided shorter than 30 days ends that many days earlier.
 */
export function seizureDueOf(record: Pick<MatterRecord, 'steps'>, s: RecordedStep): string {
  const computed = seizureDue(s.occurredOn, extensionsOf(record, s.id).slice(0, 1));
  return shorten(computed, termOf(s));
}

function shorten(computed: ReturnType<typeof seizureDue>, term: number): string {
  if (!computed.ok) throw new RangeError(computed.message);
  return ymdFromDayIndex(dayIndexFromYmd(computed.due) - (SEIZURE_TERM.amount - term));
}

/** Quantities still held by item name: seized minus what the given releases returned. */
export function heldAfter(seizure: RecordedStep, releases: RecordedStep[]): Map<string, number> {
  const held = new Map<string, number>();
  for (const i of itemsOf(seizure, 'seized_items')) held.set(i.name, (held.get(i.name) ?? 0) + i.quantity);
  for (const i of releases.flatMap((r) => itemsOf(r, 'returned_items'))) if (held.has(i.name)) held.set(i.name, held.get(i.name)! - i.quantity);
  return held;
}

const nothingHeld = (held: Map<string, number>) => [...held.values()].every((q) => q <= 0);

/** Whether the releases recorded so far (approved or not) return everything the seizure took. */
export function releasedInFull(record: Pick<MatterRecord, 'steps'>, seizure: RecordedStep): boolean {
  const releases = stepsReferring(record, 'seizure_release', 'seizure_step', seizure.id);
  return releases.length > 0 && nothingHeld(heldAfter(seizure, releases));
}

/** The day of the approved release that returned the last of the seizure's goods (第二十八条), if any. */
export function fullyReleasedOn(record: Pick<MatterRecord, 'steps'>, seizure: RecordedStep): string | null {
  const releases = stepsReferring(record, 'seizure_release', 'seizure_step', seizure.id).filter((r) => r.done).sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  for (let n = 1; n <= releases.length; n++) if (nothingHeld(heldAfter(seizure, releases.slice(0, n)))) return releases[n - 1]!.occurredOn;
  return null;
}

import type { WorkingDayCalendar } from '../../calendar/index.js';
import type { FieldDefinition } from '../../documents/document-type.js';
import type { DocumentValues } from '../../documents/field-values.js';
import type { FieldIssue } from '../../documents/validate-fields.js';
import type { EnforcementCategory } from '../../profiles/vocabulary.js';

// What a step must record beyond "when, where, who" (CASE-6 … CASE-12): the seeds and national
// law say what a seizure, a preservation, an enforcement act or the end of a matter records, and
// the law says when it may happen. A step's facts are declared with the same field definitions
// as documents (one form engine for both) and checked by a pure rule against the matter as the
// server knows it. The server builds the context inside the step's transaction.

export type StepFactsContext = {
  category: EnforcementCategory;
  step: string;
  occurredAt: Date;
  /** The Asia/Shanghai day the step happened. */
  occurredOn: string;
  /** The matter's steps so far (returned ones excluded), oldest first, with their facts. */
  steps: { id: string; step: string; done: boolean; occurredAt: Date; occurredOn: string; details: Record<string, unknown> | null }[];
  parties: { id: string; kind: string; name: string }[];
  /** With their version lineage where known: a correction (DOC-4) is a later version of the same lineage. */
  documents: { id: string; typeId: string; status: string; stepId: string | null; issuedAt: Date | null; fields: Record<string, unknown>; lineageId?: string; version?: number }[];
  /** Completed services, with the served document's type. */
  services: { documentId: string; documentTypeId: string; partyId: string; servedDay: string | null; method: string }[];
  /** Payments recorded against the matter's fine (CASE-11), oldest first; absent where not loaded. */
  payments?: { id: string; partyId: string; amountFen: number; paidOn: string; purpose: 'fine' | 'surcharge' }[];
  calendar: WorkingDayCalendar;
  /** The agency's profile lets its calendar-day limits roll over a rest day (calendarDayRollover). */
  rollOverAgencyDays: boolean;
};

/** The matter's record without the step being recorded (what a form is built from). */
export type MatterRecord = Omit<StepFactsContext, 'step' | 'occurredAt' | 'occurredOn'>;

export type StepFacts = {
  /** What the step records, in the order of the paper form. */
  fields: FieldDefinition[];
  /**
   * The fields given the matter, where a choice lists what the matter records (which seizure an
   * extension is about: a select whose options are the matter's seizures). Overrides `fields`.
   */
  fieldsFor?: (record: MatterRecord) => FieldDefinition[];
  /** Where the seeds or the law ask for these facts, e.g. "S1 第十三条". */
  source: string;
  /** Problems (Chinese) that refuse the step, given its cleaned values and the matter. */
  check?: (values: DocumentValues, ctx: StepFactsContext) => string[];
};

export type StepFactsResult =
  | { ok: true; values: Record<string, unknown> | null }
  | { ok: false; issues: FieldIssue[]; problems: string[] };

import { asc, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documents, matterParties, matterSteps, payments, serviceRecords } from '../../db/schema/index.js';
import { checkStepFacts, stepFactsOf, type StepFactsContext } from '../../rules/matters/step-facts/index.js';
import type { EnforcementCategory } from '../../rules/profiles/vocabulary.js';
import { AppError } from '../../shared/errors.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { shanghaiDate } from '../org/certificate.js';
import { currentPolicy } from '../policy/agency-policy.js';
import type { MatterRow, StepRow } from './load-matter.js';

type Loaded = { matter: MatterRow; steps: StepRow[]; parties: { id: string; kind: string; name: string }[] };

/** What a step's facts rule sees of the matter, read inside the step's transaction. */
export async function stepFactsContext(tx: DbOrTx, loaded: Loaded, step: string, occurredAt: Date): Promise<StepFactsContext> {
  return { ...(await matterRecordContext(tx, loaded)), step, occurredAt, occurredOn: shanghaiDate(occurredAt) };
}

export type RecordContext = Omit<StepFactsContext, 'step' | 'occurredAt' | 'occurredOn'>;

/** The matter's record as the pure rules read it: steps with facts, parties, documents, services, calendar. */
export async function matterRecordContext(tx: DbOrTx, loaded: Loaded): Promise<RecordContext> {
  return (await loadRecordContexts(tx, loaded.matter.agencyId, [loaded.matter])).get(loaded.matter.id)!;
}

/**
 * The record contexts of several matters of one agency, a few queries for all of them (the
 * findings sweep reads thousands). One query after another: inside a transaction there is one
 * connection, where parallel queries only queue.
 */
export async function loadRecordContexts(db: DbOrTx, agencyId: string, matterRows: Pick<MatterRow, 'id' | 'category'>[]): Promise<Map<string, RecordContext>> {
  const ids = matterRows.map((m) => m.id);
  const out = new Map<string, RecordContext>();
  if (!ids.length) return out;
  const stepRows = await db.select().from(matterSteps).where(inArray(matterSteps.matterId, ids)).orderBy(asc(matterSteps.occurredAt), asc(matterSteps.recordedAt));
  const partyRows = await db.select().from(matterParties).where(inArray(matterParties.matterId, ids));
  const docs = await db.select().from(documents).where(inArray(documents.matterId, ids)).orderBy(asc(documents.createdAt));
  const services = await db.select().from(serviceRecords).where(inArray(serviceRecords.matterId, ids)).orderBy(asc(serviceRecords.servedAt));
  const paid = await db.select().from(payments).where(inArray(payments.matterId, ids)).orderBy(asc(payments.paidOn), asc(payments.recordedAt));
  const calendar = await loadCalendar(db);
  const rollOverAgencyDays = (await currentPolicy(db, agencyId))?.profile.parameters.calendarDayRollover.value ?? true;
  const typeOf = new Map(docs.map((d) => [d.id, d.typeId]));
  for (const matter of matterRows) {
    out.set(matter.id, {
      category: matter.category as EnforcementCategory,
      steps: stepRows
        .filter((s) => s.matterId === matter.id && s.status !== 'returned')
        .map((s) => ({ id: s.id, step: s.step, done: s.status === 'done' || s.status === 'approved', occurredAt: s.occurredAt, occurredOn: shanghaiDate(s.occurredAt), details: (s.details as Record<string, unknown> | null) ?? null })),
      parties: partyRows.filter((p) => p.matterId === matter.id).map((p) => ({ id: p.id, kind: p.kind, name: p.name })),
      documents: docs.filter((d) => d.matterId === matter.id).map((d) => ({ id: d.id, typeId: d.typeId, status: d.status, stepId: d.stepId, issuedAt: d.issuedAt, fields: (d.fields as Record<string, unknown>) ?? {}, lineageId: d.lineageId, version: d.version })),
      services: services.filter((s) => s.matterId === matter.id).map((s) => ({ documentId: s.documentId, documentTypeId: typeOf.get(s.documentId) ?? '', partyId: s.partyId, servedDay: s.servedDay, method: s.method })),
      payments: paid.filter((x) => x.matterId === matter.id).map((x) => ({ id: x.id, partyId: x.partyId, amountFen: x.amountFen, paidOn: x.paidOn, purpose: x.purpose === 'surcharge' ? 'surcharge' : 'fine' })),
      calendar,
      rollOverAgencyDays,
    });
  }
  return out;
}

/**
 * The step's facts, cleaned, or a refusal that changes nothing: field gaps as VALIDATION_FAILED
 * with the fields named (the form marks them), a rule against the matter's record as OUT_OF_ORDER.
 */
export async function decideStepFacts(tx: DbOrTx, loaded: Loaded, step: string, occurredAt: Date, details: Record<string, unknown> | null | undefined) {
  if (!stepFactsOf(step)) return details ?? null;
  const result = checkStepFacts(details, await stepFactsContext(tx, loaded, step, occurredAt));
  if (result.ok) return result.values;
  if (result.issues.length) {
    throw new AppError('VALIDATION_FAILED', `环节记录不完整：${result.problems.slice(0, 3).join('；')}`, { issues: result.issues.map((i) => ({ field: i.path, message: i.message })) });
  }
  throw new AppError('OUT_OF_ORDER', result.problems.join('；'), { reason: 'STEP_FACTS', missing: result.problems });
}

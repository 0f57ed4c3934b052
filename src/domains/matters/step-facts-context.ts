import { asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documents, serviceRecords } from '../../db/schema/index.js';
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

/** The matter's record as the pure rules read it: steps with facts, parties, documents, services, calendar. */
export async function matterRecordContext(tx: DbOrTx, loaded: Loaded): Promise<Omit<StepFactsContext, 'step' | 'occurredAt' | 'occurredOn'>> {
  const { matter } = loaded;
  const docs = await tx.select().from(documents).where(eq(documents.matterId, matter.id)).orderBy(asc(documents.createdAt));
  const services = await tx.select().from(serviceRecords).where(eq(serviceRecords.matterId, matter.id)).orderBy(asc(serviceRecords.servedAt));
  return {
    category: matter.category as EnforcementCategory,
    steps: loaded.steps
      .filter((s) => s.status !== 'returned')
      .map((s) => ({ id: s.id, step: s.step, done: s.status === 'done' || s.status === 'approved', occurredAt: s.occurredAt, occurredOn: shanghaiDate(s.occurredAt), details: (s.details as Record<string, unknown> | null) ?? null })),
    parties: loaded.parties.map((p) => ({ id: p.id, kind: p.kind, name: p.name })),
    documents: docs.map((d) => ({ id: d.id, typeId: d.typeId, status: d.status, stepId: d.stepId, issuedAt: d.issuedAt, fields: (d.fields as Record<string, unknown>) ?? {}, lineageId: d.lineageId, version: d.version })),
    services: services.map((s) => ({ documentId: s.documentId, documentTypeId: docs.find((d) => d.id === s.documentId)?.typeId ?? '', partyId: s.partyId, servedDay: s.servedDay, method: s.method })),
    calendar: await loadCalendar(tx),
    rollOverAgencyDays: (await currentPolicy(tx, matter.agencyId))?.profile.parameters.calendarDayRollover.value ?? true,
  };
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

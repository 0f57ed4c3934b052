import { matterSteps } from '../../db/schema/index.js';
import { checkStep } from '../../rules/matters/check-step.js';
import { SERVICE_METHOD_LABELS, type ServiceMethod } from '../../rules/service/service-record.js';
import type { DbOrTx } from '../../db/client.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import { historyOf, type loadMatter } from '../matters/load-matter.js';
import { updateMatterAfterStep } from '../matters/record-step.js';

// A service is also the lifecycle's 送达 step where the lifecycle has one open (after the
// decision): the matter moves to 送达执行 and the order rules (CASE-5) see the service, without
// the officer recording the same act twice. Services before that (a 事先告知书) are records only.
const STEP_OF_METHOD: Record<ServiceMethod, string> = {
  direct: 'service',
  post: 'service',
  entrusted: 'service',
  forwarded: 'service',
  electronic: 'service',
  left_at_premises: 'service_left_at_premises',
  public_notice: 'service_public_notice',
};

type Loaded = Awaited<ReturnType<typeof loadMatter>>;
type ServiceRow = { id: string; method: string; servedAt: Date; place: string | null };

/** Inside the service's transaction, against the locked matter: the step, if the lifecycle allows it now. */
export async function recordServiceStep(tx: DbOrTx, actor: Actor, agencyId: string, loaded: Loaded, service: ServiceRow, documentName: string, now: Date) {
  const stepName = STEP_OF_METHOD[service.method as ServiceMethod];
  const check = checkStep(loaded.lifecycle, historyOf(loaded.steps), stepName);
  if (!check.ok || check.definition.approval) return null;
  const [step] = await tx
    .insert(matterSteps)
    .values({
      matterId: loaded.matter.id,
      step: stepName,
      phase: check.definition.phase,
      status: 'done',
      occurredAt: service.servedAt,
      place: service.place,
      note: `${SERVICE_METHOD_LABELS[service.method as ServiceMethod]}《${documentName}》`,
      officerIds: loaded.officers.map((o) => o.id),
      details: { serviceRecordId: service.id },
      recordedAt: now,
      recordedByUserId: actor.userId,
      recordedByName: actor.name,
    })
    .returning();
  await updateMatterAfterStep(tx, loaded.matter, loaded.lifecycle, [...loaded.steps, step!], step!, now);
  await recordAudit(tx, actor, { action: 'matter.step_recorded', agencyId, objectType: 'matter_step', objectId: step!.id, after: { matterId: loaded.matter.id, ...step }, details: { fromServiceRecord: service.id }, matterIds: [loaded.matter.id], commitments: [{ kind: 'matter_step', id: step!.id }] }, now);
  return step!;
}

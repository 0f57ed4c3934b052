import type { DocStatus, DocType, MatterDetail, Officer, Step, Timeline } from '../api/index.js';
import { dayjs, zone } from './time.js';
import { partyValueOf } from './party.js';

/** Document types that record this step in a matter of this category (DOC-1). */
/** Types offered for a step; a superseded form (kept for documents already made of it) is not offered. */
export const typesForStep = (types: DocType[], category: string, step: string) =>
  types.filter((t) => !t.supersededBy && t.activities.includes(step) && (t.categories as string[]).includes(category));

export type MatterDoc = { id: string; typeId: string; stepId: string | null; version: number; number: string | null; status: DocStatus; replacesId: string | null };

/**
 * The matter's documents, current versions only. The server has no list route yet, so they
 * are read from the timeline's document entries (each names its document and current status).
 */
export function documentsOf(timeline: Timeline | undefined): MatterDoc[] {
  if (!timeline) return [];
  const byId = new Map<string, MatterDoc>();
  for (const e of timeline.entries) {
    if (e.kind !== 'document') continue;
    const d = e.detail as { typeId: string; version: number; number: string | null; status: DocStatus; replacesId: string | null };
    byId.set(e.objectId, { id: e.objectId, typeId: d.typeId, stepId: e.stepId, version: d.version, number: d.number, status: d.status, replacesId: d.replacesId });
  }
  const replaced = new Set([...byId.values()].map((d) => d.replacesId).filter(Boolean));
  return [...byId.values()].filter((d) => !replaced.has(d.id));
}

/** A wall-clock time in Beijing as a document's datetime value ('YYYY-MM-DDTHH:mm'). */
export const wallClock = (iso: string) => dayjs(iso).tz(zone).format('YYYY-MM-DDTHH:mm');

/**
 * First values of a new document: the party from the matter, officers present with 执法证号
 * from the step, the step's time and place, the maker (DOC-2). Everything stays editable.
 */
export function prefill(type: DocType, detail: MatterDetail, step: Step | undefined, officers: Officer[], maker: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const party = detail.parties[0];
  for (const f of type.fields) {
    if (f.type === 'party' && party) {
      out[f.key] = partyValueOf(party);
    } else if (step && f.type === 'datetime' && ['executed_at', 'started_at', 'occurred_at'].includes(f.key)) {
      out[f.key] = wallClock(step.occurredAt);
    } else if (step?.place && f.key === 'place') {
      out[f.key] = step.place;
    } else if (f.type === 'date' && /decided_on|_on$/.test(f.key)) {
      out[f.key] = dayjs().tz(zone).format('YYYY-MM-DD');
    }
  }
  const ids = step?.officerIds.length ? step.officerIds : detail.officers.map((o) => o.id);
  out.officers_present = ids.map((id) => officers.find((o) => o.id === id) ?? detail.officers.find((o) => o.id === id)).filter(Boolean).map((o) => ({ name: o!.name, certificateNo: o!.certificateNo }));
  out.maker = maker;
  return out;
}

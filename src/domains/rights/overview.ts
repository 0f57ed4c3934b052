import type { DbOrTx } from '../../db/client.js';
import { dueOf } from '../../rules/law/due-of.js';
import { HEARING_REQUEST } from '../../rules/law/law-deadlines.js';
import { hearingWindowState } from '../../rules/rights/hearing.js';
import { HEARING_WINDOW_STATE_LABELS } from '../../rules/rights/vocabulary.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { shanghaiDate } from '../org/certificate.js';
import { firstNoticeService, listRights } from './rights-store.js';

/**
 * The 当事人权利 card: every record, and per party the hearing-request window (行政处罚法
 * 第六十四条第（一）项) from the first service of the 事先告知书 — open, expired (by date), or
 * requested (an accepted request exists); parties not yet served are named.
 */
export async function rightsOverview(db: DbOrTx, matterId: string, parties: { id: string; name: string }[], now: Date) {
  const records = await listRights(db, matterId);
  const served = await firstNoticeService(db, matterId);
  const calendar = await loadCalendar(db);
  const today = shanghaiDate(now);
  const windows = parties.flatMap((party) => {
    const s = served.get(party.id);
    if (!s) return [];
    const due = dueOf(HEARING_REQUEST, s.servedDay, calendar);
    const requested = records.some((r) => r.kind === 'hearing_request' && r.partyId === party.id && r.outcome === 'accepted');
    const state = hearingWindowState(due, today, requested);
    return [{ partyId: party.id, partyName: party.name, noticeDocumentId: s.documentId, noticeNumber: s.number, servedDay: s.servedDay, due, state, stateLabel: HEARING_WINDOW_STATE_LABELS[state] }];
  });
  const partiesNotServed = parties.filter((p) => !served.has(p.id)).map((p) => ({ partyId: p.id, partyName: p.name }));
  return { partiesNotServed, windows, records };
}

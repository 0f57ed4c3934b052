import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { documents, matterParties, serviceRecords } from '../../db/schema/index.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { partyDeadlines, servedDocumentKind, type PartyDeadline } from '../../rules/service/party-deadlines.js';
import { SERVICE_METHOD_LABELS, type ServiceDetails, type ServiceMethod } from '../../rules/service/service-record.js';
import { iso } from '../../shared/http-schemas.js';
import { loadCalendar } from '../calendar/calendar-notices.js';
import { shanghaiDate } from '../org/certificate.js';

/** The matter's services, oldest first, with the document's and party's names for people. */
export async function listServices(db: DbOrTx, matterId: string) {
  const rows = await db.select().from(serviceRecords).where(eq(serviceRecords.matterId, matterId)).orderBy(asc(serviceRecords.servedAt), asc(serviceRecords.recordedAt));
  if (!rows.length) return [];
  const docs = await db.select().from(documents).where(inArray(documents.id, [...new Set(rows.map((r) => r.documentId))]));
  const parties = await db.select().from(matterParties).where(eq(matterParties.matterId, matterId));
  return rows.map((r) => {
    const doc = docs.find((d) => d.id === r.documentId)!;
    return {
      id: r.id,
      matterId: r.matterId,
      documentId: r.documentId,
      documentName: documentType(doc.typeId)?.name ?? doc.typeId,
      documentNumber: doc.number,
      documentTypeId: doc.typeId,
      documentFields: doc.fields as Record<string, unknown>,
      partyId: r.partyId,
      partyName: parties.find((x) => x.id === r.partyId)?.name ?? '',
      method: r.method,
      methodLabel: SERVICE_METHOD_LABELS[r.method as ServiceMethod] ?? r.method,
      servedAt: iso(r.servedAt)!,
      servedDay: r.servedDay,
      place: r.place,
      details: r.details as ServiceDetails,
      recordedAt: iso(r.recordedAt)!,
      recordedByName: r.recordedByName,
    };
  });
}

export type ServiceListItem = Awaited<ReturnType<typeof listServices>>[number];

export const presentService = ({ documentTypeId: _t, documentFields: _f, ...rest }: ServiceListItem) => rest;

/**
 * SRV-2: for each party and served document, the deadlines its first completed service starts
 * (a second service of the same document on the same party starts nothing new), with their due
 * days on the working-day calendar and a state by today's date only.
 */
export async function matterPartyDeadlines(db: DbOrTx, matterId: string, now: Date) {
  const services = await listServices(db, matterId);
  const calendar = await loadCalendar(db);
  const today = shanghaiDate(now);
  const firstServed = new Map<string, ServiceListItem & { servedDay: string }>();
  for (const s of services) {
    if (!s.servedDay) continue;
    const key = `${s.documentId}:${s.partyId}`;
    const seen = firstServed.get(key);
    if (!seen || s.servedDay < seen.servedDay) firstServed.set(key, { ...s, servedDay: s.servedDay });
  }
  const out: (PartyDeadline & { serviceId: string; documentId: string; documentName: string; documentNumber: string | null; partyName: string })[] = [];
  for (const s of firstServed.values()) {
    const kind = servedDocumentKind(s.documentTypeId, s.documentFields);
    if (!kind) continue;
    for (const d of partyDeadlines(kind, s.servedDay, today, calendar)) {
      out.push({ serviceId: s.id, documentId: s.documentId, documentName: s.documentName, documentNumber: s.documentNumber, partyName: s.partyName, ...d });
    }
  }
  return out.sort((a, b) => a.due.localeCompare(b.due));
}

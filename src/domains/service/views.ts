import { z } from 'zod';
import { isoString, responseObject } from '../../shared/http-schemas.js';
import { serviceDetailsInput } from './schemas.js';

// What the service routes answer (the contract the web client is generated from).
export const serviceRecordView = responseObject({
  id: z.string(),
  matterId: z.string(),
  documentId: z.string(),
  documentName: z.string(),
  documentNumber: z.string().nullable(),
  partyId: z.string(),
  partyName: z.string(),
  method: z.string(),
  methodLabel: z.string(),
  servedAt: isoString,
  /** The day the document counts as served; null while a posted document's receipt is out. */
  servedDay: z.string().nullable(),
  place: z.string().nullable(),
  details: serviceDetailsInput,
  recordedAt: isoString,
  recordedByName: z.string().nullable(),
}).meta({ id: 'ServiceRecord' });

export const partyDeadlineView = responseObject({
  serviceId: z.string(),
  documentId: z.string(),
  documentName: z.string(),
  documentNumber: z.string().nullable(),
  partyName: z.string(),
  key: z.string(),
  name: z.string(),
  law: z.string(),
  article: z.string(),
  startsAt: z.string(),
  servedDay: z.string(),
  due: z.string(),
  state: z.enum(['running', 'ended']),
}).meta({ id: 'PartyDeadline' });

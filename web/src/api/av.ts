// Audio-visual records (音像记录, AV-1 … AV-11): shapes of src/domains/av/routes.ts, from the
// generated contract (schema.d.ts).
import { answer, apiClient, type paths, type Schemas, type Body } from './typed-client.js';

const RECORD = '/api/agencies/{agencyId}/av-records/{recordId}';
const UPLOAD = '/api/agencies/{agencyId}/av/uploads/{uploadId}';

export type AvRecord = Schemas['AvRecord'];
export type AvKind = AvRecord['kind'];
export type AvProtocol = Schemas['AvProtocol'];
export type AvMediaFacts = Schemas['AvMediaFacts'];
/** A record as listed: with its duration and the ids of its playable copy and still. */
export type AvRecordListItem = Schemas['AvRecordListItem'];
export type AvBookmark = Schemas['AvBookmark'];
export type AvDerivative = Schemas['AvDerivative'];
export type AvInterruption = Schemas['AvInterruption'];
export type InterruptionCause = AvInterruption['cause'];
export type AvRecordDetail = Schemas['AvRecordDetail'];

export type AvOrganiseInput = Body<typeof RECORD, 'patch'>;
export type BookmarkInput = Body<`${typeof RECORD}/bookmarks`, 'post'>;
export type InterruptionInput = Body<'/api/agencies/{agencyId}/av-interruptions', 'post'>;
export type UploadStatus = paths[typeof UPLOAD]['get']['responses'][200]['content']['application/json'];

const a = (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}`;
const r = (agencyId: string, recordId: string) => `${a(agencyId)}/av-records/${recordId}`;

const record = (agencyId: string, recordId: string) => ({ params: { path: { agencyId, recordId } } });

export const avApi = {
  forMatter: (agencyId: string, matterId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/av-records', { params: { path: { agencyId }, query: { matterId } } })),
  unassigned: (agencyId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/av-records', { params: { path: { agencyId }, query: { unassigned: true } } })),
  get: (agencyId: string, recordId: string) => answer(apiClient.GET(RECORD, record(agencyId, recordId))),
  organise: (agencyId: string, recordId: string, patch: AvOrganiseInput) => answer(apiClient.PATCH(RECORD, { ...record(agencyId, recordId), body: patch })),
  bookmark: (agencyId: string, recordId: string, input: BookmarkInput) => answer(apiClient.POST(`${RECORD}/bookmarks`, { ...record(agencyId, recordId), body: input })),
  interruptions: (agencyId: string, matterId: string) => answer(apiClient.GET('/api/agencies/{agencyId}/matters/{matterId}/av-interruptions', { params: { path: { agencyId, matterId } } })),
  interrupt: (agencyId: string, input: InterruptionInput) => answer(apiClient.POST('/api/agencies/{agencyId}/av-interruptions', { params: { path: { agencyId } }, body: input })),
  uploadStatus: (agencyId: string, uploadId: string) => answer(apiClient.GET(UPLOAD, { params: { path: { agencyId, uploadId } } })),
  uploadEndpoint: (agencyId: string) => `${a(agencyId)}/av/uploads`,
  contentUrl: (agencyId: string, recordId: string) => `${r(agencyId, recordId)}/content`,
  derivativeUrl: (agencyId: string, recordId: string, derivativeId: string) => `${r(agencyId, recordId)}/derivatives/${derivativeId}`,
  /** Opens a viewing (INT-1): its one audit event stands for every Range request made with it. */
  openViewing: (agencyId: string, recordId: string) => answer(apiClient.POST(`${RECORD}/viewings`, record(agencyId, recordId))),
  evidenceCopyUrl: (agencyId: string, recordId: string) => `${r(agencyId, recordId)}/evidence-copy`,
};

/**
 * Where the browser should play or show a record from: a playable copy when one was made, under
 * the viewing the player opened (so its many Range requests are one playback in the audit log).
 */
export function mediaUrls(agencyId: string, rec: AvRecordDetail, viewingId?: string) {
  const of = (kind: string) => rec.derivatives.find((d) => d.kind === kind);
  const playable = of('playable');
  const still = of('poster') ?? of('thumbnail');
  return {
    play: `${playable ? avApi.derivativeUrl(agencyId, rec.id, playable.id) : avApi.contentUrl(agencyId, rec.id)}${viewingId ? `?viewing=${encodeURIComponent(viewingId)}` : ''}`,
    playType: playable?.mediaType ?? rec.mediaType,
    still: still ? avApi.derivativeUrl(agencyId, rec.id, still.id) : null,
  };
}

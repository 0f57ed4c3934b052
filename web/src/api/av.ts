import { api } from './client.js';

// Audio-visual records (音像记录, AV-1 … AV-11): shapes of src/domains/av/routes.ts.
export type AvKind = 'photo' | 'audio' | 'video' | 'cctv';
export type AvProtocol = { announcementMade: boolean; announcementAtSecond?: number | null; statementMade: boolean; landmark?: string | null; continuous: boolean; note?: string | null };
export type AvMediaFacts = { durationSeconds: number | null; container: string | null; videoCodec: string | null; audioCodec: string | null; width: number | null; height: number | null; creationTime: string | null };
export type AvRecord = {
  id: string;
  agencyId: string;
  matterId: string | null;
  stepId: string | null;
  kind: AvKind;
  objectKey: string;
  size: number;
  mediaType: string;
  originalFileName: string | null;
  deviceSerial: string | null;
  officerId: string | null;
  recordedBy: 'officer' | 'party';
  startedAt: string | null;
  endedAt: string | null;
  place: string | null;
  latitude: number | null;
  longitude: number | null;
  title: string | null;
  classification: string | null;
  description: string | null;
  keyPoints: string[];
  remoteWork: boolean;
  returnedAt: string | null;
  exceptionApproved: boolean;
  lateReason: string | null;
  protocol: AvProtocol | null;
  mediaFacts: Partial<AvMediaFacts> | null;
  ingestedAt: string;
  organisedAt: string | null;
  updatedAt: string;
};
export type AvBookmark = { id: string; avRecordId: string; atSecond: number; keyPoint: string | null; note: string | null; createdAt: string; createdByName: string | null };
export type AvDerivative = { id: string; avRecordId: string; kind: 'poster' | 'thumbnail' | 'playable' | string; mediaType: string; size: number; createdAt: string };
export type InterruptionCause = 'device_fault' | 'battery' | 'storage' | 'weather' | 'obstruction' | 'other';
export type AvInterruption = {
  id: string;
  matterId: string | null;
  stepId: string | null;
  avRecordId: string | null;
  cause: InterruptionCause;
  interruptedAt: string;
  resumedAt: string | null;
  resumeStatement: string | null;
  writtenExplanation: string | null;
  reportedTo: string | null;
  createdAt: string;
  createdByName: string | null;
};
export type AvRecordDetail = AvRecord & { bookmarks: AvBookmark[]; interruptions: AvInterruption[]; derivatives: AvDerivative[] };

type Organisable = Pick<
  AvRecord,
  'title' | 'classification' | 'description' | 'place' | 'latitude' | 'longitude' | 'matterId' | 'stepId' | 'officerId' | 'startedAt' | 'endedAt' | 'keyPoints' | 'recordedBy' | 'remoteWork' | 'returnedAt' | 'exceptionApproved' | 'lateReason' | 'protocol'
>;
export type AvOrganiseInput = Partial<Organisable>;
export type BookmarkInput = { atSecond: number; keyPoint?: string | null; note?: string | null };
export type InterruptionInput = Omit<AvInterruption, 'id' | 'createdAt' | 'createdByName' | 'matterId' | 'resumedAt'> & { matterId: string; resumedAt?: string | null };
export type UploadStatus = { id: string; size: number | null; offset: number; status: 'receiving' | 'completed' | 'refused' | 'expired' | 'terminated'; failure: string | null; avRecordId: string | null; sha256: string | null };

const a = (agencyId: string) => `/api/agencies/${encodeURIComponent(agencyId)}`;
const r = (agencyId: string, recordId: string) => `${a(agencyId)}/av-records/${recordId}`;

export const avApi = {
  forMatter: (agencyId: string, matterId: string) => api.get<AvRecord[]>(`${a(agencyId)}/av-records`, { matterId }),
  unassigned: (agencyId: string) => api.get<AvRecord[]>(`${a(agencyId)}/av-records`, { unassigned: true }),
  get: (agencyId: string, recordId: string) => api.get<AvRecordDetail>(r(agencyId, recordId)),
  organise: (agencyId: string, recordId: string, patch: AvOrganiseInput) => api.patch<AvRecord>(r(agencyId, recordId), patch),
  bookmark: (agencyId: string, recordId: string, input: BookmarkInput) => api.post<AvBookmark>(`${r(agencyId, recordId)}/bookmarks`, input),
  interruptions: (agencyId: string, matterId: string) => api.get<AvInterruption[]>(`${a(agencyId)}/matters/${matterId}/av-interruptions`),
  interrupt: (agencyId: string, input: InterruptionInput) => api.post<AvInterruption>(`${a(agencyId)}/av-interruptions`, input),
  uploadStatus: (agencyId: string, uploadId: string) => api.get<UploadStatus>(`${a(agencyId)}/av/uploads/${encodeURIComponent(uploadId)}`),
  uploadEndpoint: (agencyId: string) => `${a(agencyId)}/av/uploads`,
  contentUrl: (agencyId: string, recordId: string) => `${r(agencyId, recordId)}/content`,
  derivativeUrl: (agencyId: string, recordId: string, derivativeId: string) => `${r(agencyId, recordId)}/derivatives/${derivativeId}`,
  evidenceCopyUrl: (agencyId: string, recordId: string) => `${r(agencyId, recordId)}/evidence-copy`,
};

/** Where the browser should play or show a record from: a playable copy when one was made. */
export function mediaUrls(agencyId: string, rec: AvRecordDetail) {
  const of = (kind: string) => rec.derivatives.find((d) => d.kind === kind);
  const playable = of('playable');
  const still = of('poster') ?? of('thumbnail');
  return {
    play: playable ? avApi.derivativeUrl(agencyId, rec.id, playable.id) : avApi.contentUrl(agencyId, rec.id),
    playType: playable?.mediaType ?? rec.mediaType,
    still: still ? avApi.derivativeUrl(agencyId, rec.id, still.id) : null,
  };
}

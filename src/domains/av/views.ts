import { z } from 'zod';
import { isoString, responseObject } from '../../shared/http-schemas.js';

// What the AV routes answer (the contract the web client is generated from).
const optionalNullable = <T extends z.ZodType>(t: T) => t.nullable().optional();

export const avProtocolView = responseObject({
  announcementMade: z.boolean(),
  announcementAtSecond: optionalNullable(z.number()),
  statementMade: z.boolean(),
  landmark: optionalNullable(z.string()),
  continuous: z.boolean(),
  note: optionalNullable(z.string()),
}).meta({ id: 'AvProtocol' });

export const avMediaFactsView = responseObject({
  durationSeconds: optionalNullable(z.number()),
  container: optionalNullable(z.string()),
  videoCodec: optionalNullable(z.string()),
  audioCodec: optionalNullable(z.string()),
  width: optionalNullable(z.number()),
  height: optionalNullable(z.number()),
  creationTime: optionalNullable(z.string()),
}).meta({ id: 'AvMediaFacts' });

export const avRecordView = responseObject({
  id: z.string(),
  agencyId: z.string(),
  matterId: z.string().nullable(),
  stepId: z.string().nullable(),
  kind: z.enum(['photo', 'audio', 'video', 'cctv']),
  objectKey: z.string(),
  size: z.number(),
  mediaType: z.string(),
  originalFileName: z.string().nullable(),
  deviceSerial: z.string().nullable(),
  officerId: z.string().nullable(),
  recordedBy: z.enum(['officer', 'party']),
  startedAt: isoString.nullable(),
  endedAt: isoString.nullable(),
  place: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  title: z.string().nullable(),
  classification: z.string().nullable(),
  description: z.string().nullable(),
  keyPoints: z.array(z.string()),
  remoteWork: z.boolean(),
  returnedAt: isoString.nullable(),
  exceptionApproved: z.boolean(),
  lateReason: z.string().nullable(),
  protocol: avProtocolView.nullable(),
  mediaFacts: avMediaFactsView.nullable(),
  ingestedAt: isoString,
  organisedAt: isoString.nullable(),
  uploadId: z.string().nullable(),
  createdByUserId: z.string().nullable(),
  updatedAt: isoString,
}).meta({ id: 'AvRecord' });

/** A list row also names the still and playable copies to show, and the duration. */
export const avRecordListItemView = avRecordView
  .extend({ stillId: z.string().nullable(), playableId: z.string().nullable(), durationSeconds: z.number().nullable() })
  .meta({ id: 'AvRecordListItem' });

export const avBookmarkView = responseObject({
  id: z.string(),
  avRecordId: z.string(),
  atSecond: z.number().int(),
  keyPoint: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: isoString,
  createdByName: z.string().nullable(),
}).meta({ id: 'AvBookmark' });

export const avInterruptionView = responseObject({
  id: z.string(),
  agencyId: z.string(),
  matterId: z.string().nullable(),
  stepId: z.string().nullable(),
  avRecordId: z.string().nullable(),
  cause: z.enum(['device_fault', 'battery', 'storage', 'weather', 'obstruction', 'other']),
  interruptedAt: isoString,
  resumedAt: isoString.nullable(),
  resumeStatement: z.string().nullable(),
  writtenExplanation: z.string().nullable(),
  reportedTo: z.string().nullable(),
  createdAt: isoString,
  createdByName: z.string().nullable(),
}).meta({ id: 'AvInterruption' });

export const avDerivativeView = responseObject({
  id: z.string(),
  avRecordId: z.string(),
  kind: z.string(),
  objectKey: z.string(),
  mediaType: z.string(),
  size: z.number(),
  createdAt: isoString,
}).meta({ id: 'AvDerivative' });

/** INT-3: the last re-hash of the original (scheduled fixity or an evidence copy); null until one ran. */
export const avFixityView = responseObject({
  outcome: z.enum(['ok', 'changed', 'missing', 'unreadable', 'overwritten']).describe('ok 一致；changed 内容与 SHA-256 不符；missing 缺失；unreadable 无法读取；overwritten 存储桶中被另行写入（原始版本完好）'),
  checkedAt: z.string(),
}).meta({ id: 'AvFixity' });

export const avRecordDetailView = avRecordView
  .extend({ bookmarks: z.array(avBookmarkView), interruptions: z.array(avInterruptionView), derivatives: z.array(avDerivativeView), fixity: avFixityView.nullable() })
  .meta({ id: 'AvRecordDetail' });

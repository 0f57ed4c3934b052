import { and, asc, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../../db/client.js';
import type { RecordCommitment } from '../../../db/schema/audit.js';
import {
  agencyPolicyVersions,
  avBookmarks,
  avInterruptions,
  avRecords,
  calendarNotices,
  documentAttachments,
  documents,
  documentSignatures,
  legalReviewMessages,
  legalReviews,
  majorAssessments,
  majorDecisionLists,
  matterSteps,
  rightsRecords,
  payments,
  serviceRecords,
  stepApprovals,
} from '../../../db/schema/index.js';
import { canonicalJson, sha256Hex } from '../../../shared/canonical-json.js';

// INT-1: every record that must never change, and exactly which of its columns must not. An
// audit event that creates or freezes such a record stores the SHA-256 of the canonical JSON of
// those columns (`recordAudit(…, { commitments })`); `liuhen verify` recomputes it from the row.
// Columns left out are the ones a use case may still change (a step's status, an AV record's
// title and description, derived media facts).

type Row = Record<string, unknown>;

export type CommittedKind = {
  /** The registry key stored in the commitment. */
  kind: string;
  /** For the operator: what the record is (Chinese). */
  label: string;
  table: PgTable;
  tableName: string;
  id: PgColumn;
  /** The columns (Drizzle property names) that never change once committed. */
  columns: readonly string[];
  /** Only rows that are frozen (an issued document); others are still drafts. */
  frozen?: SQL;
};

const kind = (k: CommittedKind) => k;

export const committedKinds = [
  kind({
    kind: 'document',
    label: '已定稿文书',
    table: documents,
    tableName: 'documents',
    id: documents.id,
    columns: ['id', 'matterId', 'stepId', 'typeId', 'lineageId', 'version', 'replacesId', 'correctionReason', 'number', 'status', 'fields', 'contentHash', 'createdAt', 'createdByUserId', 'createdByName', 'issuedAt', 'issuedByName'],
    frozen: eq(documents.status, 'issued'),
  }),
  kind({ kind: 'document_signature', label: '文书签名', table: documentSignatures, tableName: 'document_signatures', id: documentSignatures.id, columns: ['id', 'documentId', 'role', 'signerName', 'method', 'objectKey', 'refusalReason', 'witnessName', 'signedAt', 'recordedByName'] }),
  kind({ kind: 'document_attachment', label: '文书扫描件/附件', table: documentAttachments, tableName: 'document_attachments', id: documentAttachments.id, columns: ['id', 'documentId', 'kind', 'objectKey', 'fileName', 'mediaType', 'size', 'addedAt', 'addedByName'] }),
  kind({
    kind: 'matter_step',
    label: '执法环节记录',
    table: matterSteps,
    tableName: 'matter_steps',
    id: matterSteps.id,
    // Status and approval stage move with approvals (each approval is its own record).
    columns: ['id', 'matterId', 'step', 'phase', 'occurredAt', 'place', 'note', 'officerIds', 'avConditionApplies', 'avOmission', 'details', 'recordedAt', 'recordedByUserId', 'recordedByName'],
  }),
  kind({ kind: 'step_approval', label: '审核审批意见', table: stepApprovals, tableName: 'step_approvals', id: stepApprovals.id, columns: ['id', 'matterId', 'stepId', 'stage', 'decision', 'opinion', 'signatureKey', 'actorUserId', 'actorName', 'at'] }),
  kind({
    kind: 'av_record',
    label: '音像记录原件',
    table: avRecords,
    tableName: 'av_records',
    id: avRecords.id,
    // The original's identity; officer and recording times may be corrected when organising (audited, re-committed).
    columns: ['id', 'agencyId', 'kind', 'objectKey', 'size', 'mediaType', 'originalFileName', 'deviceSerial', 'officerId', 'recordedBy', 'startedAt', 'endedAt', 'ingestedAt', 'uploadId', 'createdByUserId'],
  }),
  kind({ kind: 'av_bookmark', label: '音像记录标记', table: avBookmarks, tableName: 'av_bookmarks', id: avBookmarks.id, columns: ['id', 'avRecordId', 'atSecond', 'keyPoint', 'note', 'createdAt', 'createdByName'] }),
  kind({ kind: 'av_interruption', label: '记录中断说明', table: avInterruptions, tableName: 'av_interruptions', id: avInterruptions.id, columns: ['id', 'agencyId', 'matterId', 'stepId', 'avRecordId', 'cause', 'interruptedAt', 'resumedAt', 'resumeStatement', 'writtenExplanation', 'reportedTo', 'createdAt', 'createdByName'] }),
  kind({ kind: 'policy_version', label: '执法规范方案版本', table: agencyPolicyVersions, tableName: 'agency_policy_versions', id: agencyPolicyVersions.id, columns: ['id', 'agencyId', 'version', 'builtInProfileId', 'profile', 'basis', 'createdAt', 'createdByUserId', 'createdByName'] }),
  kind({ kind: 'calendar_notice', label: '节假日安排通知', table: calendarNotices, tableName: 'calendar_notices', id: calendarNotices.id, columns: ['id', 'seq', 'year', 'notice', 'basis', 'createdAt', 'createdByUserId', 'createdByName'] }),
  kind({
    kind: 'legal_review',
    label: '法制审核',
    table: legalReviews,
    tableName: 'legal_reviews',
    id: legalReviews.id,
    // Every column: each workflow step (extension, decision, discussion) commits the row again.
    columns: ['id', 'agencyId', 'matterId', 'submissionVersion', 'status', 'materials', 'materialsHash', 'receivedAt', 'submittedByUserId', 'submittedByName', 'reviewerUserId', 'reviewerName', 'extensionApprovedAt', 'extensionApprovedByName', 'completedAt', 'points', 'failReasons', 'explanation', 'opinionDocumentId', 'discussionStepId', 'discussionConclusion'],
  }),
  kind({ kind: 'legal_review_message', label: '法制审核往来意见', table: legalReviewMessages, tableName: 'legal_review_messages', id: legalReviewMessages.id, columns: ['id', 'reviewId', 'kind', 'text', 'byUserId', 'byName', 'at'] }),
  kind({ kind: 'major_decision_list', label: '重大执法决定目录清单版本', table: majorDecisionLists, tableName: 'major_decision_lists', id: majorDecisionLists.id, columns: ['id', 'agencyId', 'version', 'parameters', 'disabledCriteria', 'basis', 'createdAt', 'createdByName'] }),
  kind({ kind: 'major_assessment', label: '重大执法决定认定', table: majorAssessments, tableName: 'major_assessments', id: majorAssessments.id, columns: ['id', 'matterId', 'facts', 'answers', 'result', 'major', 'listVersion', 'createdAt', 'createdByName'] }),
  kind({ kind: 'service_record', label: '送达记录', table: serviceRecords, tableName: 'service_records', id: serviceRecords.id, columns: ['id', 'matterId', 'documentId', 'partyId', 'method', 'servedAt', 'servedDay', 'place', 'details', 'recordedAt', 'recordedByUserId', 'recordedByName'] }),
  kind({ kind: 'rights_record', label: '当事人权利记录', table: rightsRecords, tableName: 'rights_records', id: rightsRecords.id, columns: ['id', 'matterId', 'kind', 'partyId', 'relatedId', 'occurredAt', 'occurredDay', 'documentId', 'avRecordId', 'outcome', 'details', 'recordedAt', 'recordedByUserId', 'recordedByName'] }),
  kind({ kind: 'payment', label: '罚款缴纳记录', table: payments, tableName: 'payments', id: payments.id, columns: ['id', 'matterId', 'partyId', 'documentId', 'amountFen', 'paidOn', 'receiptNumber', 'method', 'purpose', 'note', 'recordedAt', 'recordedByUserId', 'recordedByName'] }),
] as const;

export type CommittedKindName = (typeof committedKinds)[number]['kind'];
/** A record an audit event commits to. */
export type RecordRef = { kind: CommittedKindName; id: string };

const byKind = new Map<string, CommittedKind>(committedKinds.map((k) => [k.kind, k]));
export const committedKind = (name: string) => byKind.get(name);

/** SHA-256 of the canonical JSON of the record's never-changing columns. */
export function recordContentHash(k: CommittedKind, row: Row): string {
  return sha256Hex(canonicalJson(Object.fromEntries(k.columns.map((c) => [c, row[c] ?? null]))));
}

/** Loads the named rows (inside the caller's transaction) and returns their commitments, in order. */
export async function commitmentsFor(tx: DbOrTx, refs: readonly RecordRef[]): Promise<RecordCommitment[]> {
  const hashes = new Map<string, string>();
  for (const name of new Set(refs.map((r) => r.kind))) {
    const k = byKind.get(name)!;
    const rows = await loadRows(tx, k, refs.filter((r) => r.kind === name).map((r) => r.id));
    for (const row of rows) hashes.set(`${name}:${String(row.id)}`, recordContentHash(k, row));
  }
  return refs.map((ref) => {
    const sha256 = hashes.get(`${ref.kind}:${ref.id}`);
    // A use case naming a record it did not write is a programming error, not bad input.
    if (!sha256) throw new Error(`commitment: no ${ref.kind} row ${ref.id}`);
    return { kind: ref.kind, id: ref.id, sha256 };
  });
}

export async function loadRows(db: DbOrTx, k: CommittedKind, ids: readonly string[]): Promise<Row[]> {
  if (!ids.length) return [];
  return (await db.select().from(k.table).where(inArray(k.id, [...ids]))) as Row[];
}

/** Every frozen row of a kind, in id order, a batch at a time (keyset, so memory stays flat). */
export async function* frozenRows(db: DbOrTx, k: CommittedKind, batch = 2000): AsyncGenerator<Row[]> {
  let after: string | null = null;
  for (;;) {
    const where = and(k.frozen, after === null ? undefined : gt(k.id, after));
    const rows = (await db.select().from(k.table).where(where).orderBy(asc(k.id)).limit(batch)) as Row[];
    if (!rows.length) return;
    yield rows;
    after = String(rows.at(-1)!.id);
    if (rows.length < batch) return;
  }
}

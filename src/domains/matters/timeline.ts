import type { Phase } from '../../rules/matters/phases.js';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { avInterruptions, avRecords, documents, documentSignatures, findings, legalReviews, matterSteps, stepApprovals } from '../../db/schema/index.js';
import { legalReviewEntries } from './timeline-legal-review.js';
import { INTERRUPTION_CAUSES } from '../av/schemas.js';
import { documentType } from '../../rules/documents/catalogue/index.js';
import { stepLabel } from '../../rules/matters/activity-labels.js';
import { iso } from '../../shared/http-schemas.js';
import type { Principal } from '../auth/principal.js';
import { loadVisibleMatter } from './load-matter.js';

export type TimelineEntry = {
  at: string;
  kind: 'matter' | 'step' | 'approval' | 'document' | 'signature' | 'finding' | 'av' | 'interruption' | 'legal_review';
  phase: Phase | null;
  title: string;
  actor: string | null;
  stepId: string | null;
  objectId: string;
  detail: Record<string, unknown>;
};

const approvalWords: Record<string, string> = { submitted: '提交审批', approved: '同意', returned: '退回' };
const stageWords: Record<string, string> = { submit: '承办人', review: '审核人', approve: '批准人' };
const avKindLabels: Record<string, string> = { photo: '照片', audio: '录音', video: '录像', cctv: '视频监控' };

/**
 * CASE-2, SUP-1: everything that happened in a matter, in order — steps in their phases,
 * approvals, documents with their versions and signatures, findings — with who and when.
 */
export async function matterTimeline(db: Db, p: Principal, agencyId: string, matterId: string) {
  const { matter } = await loadVisibleMatter(db, p, agencyId, matterId);
  // Only the columns the timeline shows: a matter may have thousands of rows here. (Building the
  // entries as JSON in SQL was tried: no faster end to end, and it moves work from app processes,
  // which scale out, to the one database, which does not.)
  const [steps, approvals, docs, findingRows, avRows, interruptions, reviews] = await Promise.all([
    db
      .select({ id: matterSteps.id, step: matterSteps.step, phase: matterSteps.phase, status: matterSteps.status, approvalStage: matterSteps.approvalStage, place: matterSteps.place, note: matterSteps.note, officerIds: matterSteps.officerIds, occurredAt: matterSteps.occurredAt, recordedAt: matterSteps.recordedAt, recordedByName: matterSteps.recordedByName })
      .from(matterSteps)
      .where(eq(matterSteps.matterId, matterId))
      .orderBy(asc(matterSteps.occurredAt), asc(matterSteps.recordedAt)),
    db
      .select({ id: stepApprovals.id, stepId: stepApprovals.stepId, stage: stepApprovals.stage, decision: stepApprovals.decision, opinion: stepApprovals.opinion, actorName: stepApprovals.actorName, at: stepApprovals.at, signed: sql<boolean>`${stepApprovals.signatureKey} is not null` })
      .from(stepApprovals)
      .where(eq(stepApprovals.matterId, matterId))
      .orderBy(asc(stepApprovals.at)),
    db
      .select({ id: documents.id, stepId: documents.stepId, typeId: documents.typeId, version: documents.version, number: documents.number, status: documents.status, replacesId: documents.replacesId, correctionReason: documents.correctionReason, createdAt: documents.createdAt, createdByName: documents.createdByName, issuedAt: documents.issuedAt, issuedByName: documents.issuedByName })
      .from(documents)
      .where(eq(documents.matterId, matterId)),
    db
      .select({ id: findings.id, requirement: findings.requirement, state: findings.state, rule: findings.rule, summary: findings.summary, firstSeenAt: findings.firstSeenAt, resolvedAt: findings.resolvedAt, resolution: findings.resolution })
      .from(findings)
      .where(eq(findings.matterId, matterId)),
    db
      .select({ id: avRecords.id, kind: avRecords.kind, title: avRecords.title, stepId: avRecords.stepId, recordedBy: avRecords.recordedBy, objectKey: avRecords.objectKey, startedAt: avRecords.startedAt, endedAt: avRecords.endedAt, ingestedAt: avRecords.ingestedAt, organisedAt: avRecords.organisedAt, place: avRecords.place })
      .from(avRecords)
      .where(eq(avRecords.matterId, matterId)),
    db.select().from(avInterruptions).where(eq(avInterruptions.matterId, matterId)),
    db.select().from(legalReviews).where(eq(legalReviews.matterId, matterId)),
  ]);
  const signatures = docs.length ? await db.select({ id: documentSignatures.id, documentId: documentSignatures.documentId, signedAt: documentSignatures.signedAt, method: documentSignatures.method, signerName: documentSignatures.signerName, recordedByName: documentSignatures.recordedByName, role: documentSignatures.role, refusalReason: documentSignatures.refusalReason, witnessName: documentSignatures.witnessName }).from(documentSignatures).where(inArray(documentSignatures.documentId, docs.map((d) => d.id))).orderBy(asc(documentSignatures.signedAt)) : [];
  const stepById = new Map(steps.map((s) => [s.id, s]));
  const phaseOfStep = (stepId: string | null) => (stepId ? ((stepById.get(stepId)?.phase as Phase | undefined) ?? null) : null);
  const stepOfDocument = new Map(docs.map((d) => [d.id, d.stepId]));
  const entries: TimelineEntry[] = [
    { at: iso(matter.createdAt)!, kind: 'matter', phase: 'start', title: `登记事项 ${matter.number}：${matter.title}`, actor: null, stepId: null, objectId: matter.id, detail: { startRoute: matter.startRoute } },
    ...steps.map((s) => ({
      at: iso(s.occurredAt)!,
      kind: 'step' as const,
      phase: s.phase as Phase,
      title: stepLabel(s.step),
      actor: s.recordedByName,
      stepId: s.id,
      objectId: s.id,
      detail: { step: s.step, status: s.status, approvalStage: s.approvalStage, place: s.place, note: s.note, officerIds: s.officerIds, recordedAt: iso(s.recordedAt) },
    })),
    ...approvals.map((a) => ({
      at: iso(a.at)!,
      kind: 'approval' as const,
      phase: phaseOfStep(a.stepId),
      title: `${stageWords[a.stage] ?? a.stage}${approvalWords[a.decision] ?? a.decision}：${stepLabel(stepById.get(a.stepId)?.step ?? '')}`,
      actor: a.actorName,
      stepId: a.stepId,
      objectId: a.id,
      detail: { stage: a.stage, decision: a.decision, opinion: a.opinion, signed: Boolean(a.signed) },
    })),
    ...docs.flatMap((d) => {
      const base = { kind: 'document' as const, phase: phaseOfStep(d.stepId), stepId: d.stepId, objectId: d.id };
      const detail = { typeId: d.typeId, typeName: documentType(d.typeId)?.name ?? d.typeId, version: d.version, number: d.number, status: d.status, replacesId: d.replacesId, correctionReason: d.correctionReason };
      const out: TimelineEntry[] = [{ ...base, at: iso(d.createdAt)!, title: d.version > 1 ? `更正文书（第 ${d.version} 版）` : '起草文书', actor: d.createdByName, detail }];
      if (d.issuedAt) out.push({ ...base, at: iso(d.issuedAt)!, title: `文书定稿 ${d.number ?? ''}`.trim(), actor: d.issuedByName, detail });
      return out;
    }),
    ...signatures.map((s) => ({
        at: iso(s.signedAt)!,
        kind: 'signature' as const,
        phase: phaseOfStep(stepOfDocument.get(s.documentId) ?? null),
        title: s.method === 'refused' ? `${s.signerName} 拒绝签字` : `${s.signerName} 签名`,
        actor: s.recordedByName,
        stepId: stepOfDocument.get(s.documentId) ?? null,
        objectId: s.id,
      detail: { documentId: s.documentId, role: s.role, method: s.method, refusalReason: s.refusalReason, witnessName: s.witnessName },
    })),
    ...findingRows.flatMap((f) => {
      const base = { kind: 'finding' as const, phase: null, actor: '系统', stepId: null, objectId: f.id };
      const detail = { requirement: f.requirement, state: f.state, rule: f.rule, summary: f.summary };
      const out: TimelineEntry[] = [{ ...base, at: iso(f.firstSeenAt)!, title: `发现问题：${f.summary}`, detail }];
      if (f.resolvedAt) out.push({ ...base, at: iso(f.resolvedAt)!, title: `问题消除：${f.summary}`, detail: { ...detail, resolution: f.resolution } });
      return out;
    }),
    ...avRows.map((a) => ({
      at: iso(a.endedAt ?? a.ingestedAt)!,
      kind: 'av' as const,
      phase: phaseOfStep(a.stepId),
      title: `音像记录（${avKindLabels[a.kind] ?? a.kind}）${a.title ? `：${a.title}` : ''}`,
      actor: a.recordedBy === 'party' ? '当事人提供' : null,
      stepId: a.stepId,
      objectId: a.id,
      detail: { kind: a.kind, objectKey: a.objectKey, startedAt: iso(a.startedAt), endedAt: iso(a.endedAt), ingestedAt: iso(a.ingestedAt), organisedAt: iso(a.organisedAt), place: a.place },
    })),
    ...interruptions.map((i) => ({
      at: iso(i.interruptedAt)!,
      kind: 'interruption' as const,
      phase: phaseOfStep(i.stepId),
      title: `音像记录中断（${INTERRUPTION_CAUSES[i.cause as keyof typeof INTERRUPTION_CAUSES] ?? i.cause}）${i.resumedAt ? '，已恢复' : '，未能继续'}`,
      actor: i.createdByName,
      stepId: i.stepId,
      objectId: i.id,
      detail: { resumedAt: iso(i.resumedAt), resumeStatement: i.resumeStatement, writtenExplanation: i.writtenExplanation, reportedTo: i.reportedTo },
    })),
    ...reviews.flatMap((r) => legalReviewEntries(r)),
  ];
  // ISO-8601 UTC strings sort as text; a plain comparison, not localeCompare (ICU collation is slow).
  entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return { matterId, number: matter.number, entries };
}

import { z } from 'zod';
import { responseObject } from '../../../shared/http-schemas.js';
import type { VerifyResult } from './run-verify.js';

// The integrity page's API views (INT-2): a verify run and its report, in the shape every check
// reports (discrepancy.ts).

const check = z.enum(['log', 'event', 'record', 'object']);

export const discrepancyView = responseObject({
  check,
  table: z.string().describe('出问题的表（原件为 object_store）'),
  recordId: z.string().describe('记录 ID、审计事件序号或原件的 SHA-256'),
  what: z.string().describe('哪里不一致（中文）'),
  proof: responseObject({
    leafIndex: z.number().optional(),
    checkpointSize: z.number().optional(),
    seq: z.number().optional(),
    expected: z.string().optional(),
    actual: z.string().optional(),
  }).optional(),
}).meta({ id: 'IntegrityDiscrepancy' });

export const checkReportView = responseObject({ check, examined: z.number(), discrepancies: z.array(discrepancyView) }).meta({ id: 'IntegrityCheckReport' });

export const verifyRunView = responseObject({
  id: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable().describe('全部一致为 true；尚未完成为 null'),
  reports: z.array(checkReportView),
  objectBytesPerSecond: z.number().nullable(),
  failure: z.string().nullable(),
}).meta({ id: 'IntegrityVerifyRun' });

export const latestRunView = responseObject({ run: verifyRunView.nullable() }).meta({ id: 'IntegrityLatestRun' });

type RunRow = { id: string; status: string; requestedAt: Date; requestedByName: string | null; finishedAt: Date | null; report: unknown; failure: string | null };

export function presentRun(r: RunRow): z.infer<typeof verifyRunView> {
  const result = r.report as VerifyResult | null;
  return {
    id: r.id,
    status: r.status as z.infer<typeof verifyRunView>['status'],
    requestedAt: r.requestedAt.toISOString(),
    requestedByName: r.requestedByName,
    finishedAt: r.finishedAt?.toISOString() ?? null,
    ok: result ? result.ok : null,
    reports: result?.reports ?? [],
    objectBytesPerSecond: result?.objectBytesPerSecond ?? null,
    failure: r.failure,
  };
}

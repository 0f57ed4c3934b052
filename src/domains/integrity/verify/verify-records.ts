import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../../db/client.js';
import { committedKinds, frozenRows, loadRows, recordContentHash, type CommittedKind } from './record-commitments.js';
import type { CheckReport, Discrepancy } from './discrepancy.js';

// INT-2: every immutable record against the LATEST commitment to it in the audit events. The
// commitments themselves are leaves of the Merkle log, so one rewritten to match a tampered row
// is caught by verifyLog; here a row that differs from its commitment, a frozen row nobody
// committed to, and a committed row that is gone are named.

type Latest = { seq: number; sha256: string };
export type RecordsProgress = { kindIndex: number; examined: number };

/** The latest commitment to each record of a kind, by id (later events supersede earlier ones). */
export async function latestCommitments(db: DbOrTx, kind: string, batch = 20_000): Promise<Map<string, Latest>> {
  const latest = new Map<string, Latest>();
  let after = 0;
  for (;;) {
    const res = await db.execute(sql`
      select e.seq, c->>'id' as id, c->>'sha256' as sha256
      from audit_events e cross join lateral jsonb_array_elements(e.commitments) c
      where e.commitments is not null and e.seq > ${after} and c->>'kind' = ${kind}
      order by e.seq limit ${batch}`);
    const rows = (res as unknown as { rows: Array<{ seq: number | string; id: string; sha256: string }> }).rows;
    for (const r of rows) latest.set(r.id, { seq: Number(r.seq), sha256: r.sha256 });
    if (rows.length < batch) return latest;
    after = Number(rows.at(-1)!.seq);
  }
}

export async function verifyRecords(
  db: DbOrTx,
  opts: { startKindIndex?: number; onProgress?: (p: RecordsProgress, found: Discrepancy[]) => void | Promise<void> } = {},
): Promise<CheckReport> {
  const discrepancies: Discrepancy[] = [];
  let examined = 0;
  for (let i = opts.startKindIndex ?? 0; i < committedKinds.length; i++) {
    const k = committedKinds[i]!;
    const found = await verifyKind(db, k, (n) => (examined += n));
    discrepancies.push(...found);
    await opts.onProgress?.({ kindIndex: i + 1, examined }, found);
  }
  return { check: 'record', examined, discrepancies };
}

async function verifyKind(db: DbOrTx, k: CommittedKind, count: (n: number) => void): Promise<Discrepancy[]> {
  const latest = await latestCommitments(db, k.kind);
  const out: Discrepancy[] = [];
  const frozenIds = new Set<string>();
  for await (const rows of frozenRows(db, k)) {
    for (const row of rows) {
      const id = String(row.id);
      frozenIds.add(id);
      const problem = compare(k, id, row, latest.get(id));
      if (problem) out.push(problem);
    }
    count(rows.length);
  }
  // Committed records that are no longer among the frozen rows: deleted, or un-frozen (an
  // issued document set back to draft). The ids are held per kind only, never all at once.
  const rest = [...latest.keys()].filter((id) => !frozenIds.has(id));
  for (let i = 0; i < rest.length; i += 1000) {
    const ids = rest.slice(i, i + 1000);
    const rows = new Map((await loadRows(db, k, ids)).map((r) => [String(r.id), r]));
    for (const id of ids) {
      const commitment = latest.get(id)!;
      const row = rows.get(id);
      if (!row) out.push(discrepancy(k, id, `${k.label}已被删除：审计事件 ${commitment.seq} 承诺过它的内容`, commitment));
      else {
        const problem = compare(k, id, row, commitment);
        out.push(problem ?? discrepancy(k, id, `${k.label}已不在定稿状态`, commitment));
      }
    }
    count(ids.length);
  }
  return out;
}

function compare(k: CommittedKind, id: string, row: Record<string, unknown>, commitment: Latest | undefined): Discrepancy | null {
  const actual = recordContentHash(k, row);
  if (!commitment) return { check: 'record', table: k.tableName, recordId: id, what: `${k.label}没有任何审计事件承诺其内容（记录可能是绕过系统写入的）`, proof: { actual } };
  if (commitment.sha256 === actual) return null;
  return discrepancy(k, id, `${k.label}的内容与审计事件 ${commitment.seq} 承诺的哈希不一致（记录被改动）`, commitment, actual);
}

const discrepancy = (k: CommittedKind, id: string, what: string, c: Latest, actual?: string): Discrepancy => ({
  check: 'record',
  table: k.tableName,
  recordId: id,
  what,
  proof: { seq: c.seq, expected: c.sha256, ...(actual ? { actual } : {}) },
});

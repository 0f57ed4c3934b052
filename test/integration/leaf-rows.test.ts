import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '../../src/db/schema/index.js';
import { integratePending } from '../../src/domains/integrity/log/integrator.js';
import { leafDataOfEvent, leafHashOfEvent, type AuditEventRow } from '../../src/domains/integrity/log/leaf-data.js';
import { leafHash } from '../../src/domains/integrity/log/merkle.js';
import { readLeavesAfter } from '../../src/domains/integrity/log/leaf-rows.js';
import { logVerifierKey } from '../../src/domains/integrity/log/signing-key.js';
import { verifyLog } from '../../src/domains/integrity/log/verify-log.js';
import { canonicalJson } from '../../src/shared/canonical-json.js';
import { makeAgency, makeUnit } from '../support/factories.js';
import { signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// jsonb values as TEXT, so number spellings JSON.stringify never makes (1.0, 1e2, -0, huge
// integers, 1e400) reach the database too; keys include integer-like ones and '__proto__'.
type J = ['num' | 'lit', string] | ['str', string] | ['arr', J[]] | ['obj', [string, J][]];
const isJsonbSafe = (s: string) => !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
const str = fc.string({ unit: 'binary', maxLength: 10 }).filter(isJsonbSafe);
const numText = fc.oneof(
  fc.integer().map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((d) => JSON.stringify(d)),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 4 })).map(([n, z]) => `${n}.5${'0'.repeat(z)}`),
  fc.constantFrom('1.0', '1e2', '-0', '0.000', '1E+2', '12345678901234567890123', '1e400', '-1e-400', '0.1000', '9007199254740993'),
);
const key = fc.oneof(str, fc.constantFrom('10', '9', '01', '__proto__', 'a', 'B', '', 'é', 'e\u0301', '😀', '键'));
const { json } = fc.letrec<{ json: J }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    numText.map((t): J => ['num', t]),
    fc.constantFrom('true', 'false', 'null').map((t): J => ['lit', t]),
    str.map((s): J => ['str', s]),
    fc.array(tie('json'), { maxLength: 4 }).map((a): J => ['arr', a]),
    fc.array(fc.tuple(key, tie('json')), { maxLength: 5 }).map((o): J => ['obj', o]),
  ),
}));
function text(j: J): string {
  if (j[0] === 'arr') return `[${j[1].map(text).join(', ')}]`;
  if (j[0] === 'obj') return `{${j[1].map(([k, v]) => `${JSON.stringify(k)}: ${text(v)}`).join(',')}}`;
  return j[0] === 'str' ? JSON.stringify(j[1]) : j[1];
}

describe('INT-2 verify reads leaves with their events fast, and derives exactly the leaf bytes the integrator committed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const agencyId = (await makeAgency(t.app, admin)).id;
    for (let i = 0; i < 3; i++) await makeUnit(t.app, agencyId, admin);
  });
  afterAll(() => t.close());

  const insert = (cols: { at?: string; seq?: string; actorName?: string | null; userAgent?: string | null; before?: string | null; after?: string | null; details?: string | null; commitments?: string | null }) =>
    t.ownerDb.execute(sql`insert into audit_events (${sql.raw(cols.seq ? 'seq, ' : '')}occurred_at, actor_user_id, actor_name, agency_id, action, object_type, object_id, ip, user_agent, before, after, details, content_hash, commitments)
      values (${sql.raw(cols.seq ? `${cols.seq}, ` : '')}${cols.at ?? '2026-03-02 02:00:00.123456+00'}::timestamptz, gen_random_uuid(), ${cols.actorName ?? null}, null, 'test.shape', 'matter_step', '步骤-1', '::1', ${cols.userAgent ?? null},
        ${cols.before ?? null}::jsonb, ${cols.after ?? null}::jsonb, ${cols.details ?? null}::jsonb, ${'ab'.repeat(32)}, ${cols.commitments ?? null}::jsonb)`);

  /** Every leaf read the fast way against the same event read the way the integrator reads it, and against the stored hash. */
  async function expectIdenticalLeaves() {
    await integratePending(t.ctx.db, { batchSize: 50 });
    const viaDrizzle = new Map((await t.ctx.db.select().from(auditEvents)).map((e) => [e.seq, e]));
    const fast = await readLeavesAfter(t.ctx.db, -1, 1_000_000, { keepJson: true });
    expect(fast.length).toBe(viaDrizzle.size);
    fast.forEach((leaf, i) => {
      expect(leaf.leafIndex).toBe(i);
      const expected = viaDrizzle.get(leaf.auditSeq) as AuditEventRow;
      expect(leaf.eventJson).toBe(leafDataOfEvent(expected).toString('utf8'));
      expect(leaf.eventJson).toBe(canonicalJson(expected));
      expect(leafHash(leaf.eventJson!).equals(leaf.leafHash)).toBe(true);
      expect(leaf.eventHash!.equals(leaf.leafHash)).toBe(true);
      expect(leafHashOfEvent(expected).equals(leaf.leafHash)).toBe(true);
    });
    return fast.length;
  }

  it('INT-2 events of every shape: nulls, microsecond timestamps, unicode text, nested jsonb, commitments, a jsonb string holding JSON, big seq', async () => {
    for (const at of ['2026-03-02 02:00:00.123456+00', '2026-03-02 02:00:00.999999+00', '2026-03-02 02:00:00.5+00', '2026-03-02 02:00:00.0009+00', '1969-12-31 23:59:59.9999+00', '2026-03-02 02:00:00.999999+08', '1999-12-31 23:59:59.9995-03:30', '2026-03-02 02:00:00+00', '0001-01-01 00:00:00.000001+00'])
      await insert({ at });
    await insert({ actorName: '张三 "队长"\\ \n\t\u2028 😀 e\u0301', userAgent: 'x'.repeat(2000), before: '{"b": 1, "a": {"10": [1.0, 1e2, -0], "9": null, "": "空"}}', after: '[]', details: '{}' });
    await insert({ before: '"{\\"a\\": 1}"', after: '"plain string"', details: '12345678901234567890123', commitments: '[{"table": "documents", "id": "d1", "sha256": "cd"}, {"table": "attachments", "id": "a1", "sha256": "ef"}]' });
    await insert({ before: 'null', after: 'true', details: '1e400', commitments: '{"__proto__": {"x": 1}, "constructor": 2}' });
    await insert({ seq: '9007199254740991', details: '{"n": 9007199254740993}' });
    expect(await expectIdenticalLeaves()).toBeGreaterThan(10);
  });

  it('INT-2 property: any generated jsonb value in any jsonb column, at any generated time, gives the integrator\'s leaf bytes', async () => {
    // Timestamps anywhere in years 1000–9999, with 0–6 fraction digits: '2026-03-02 02:00:00.1239+00'.
    const at = fc.tuple(fc.integer({ min: -30610224000, max: 253402300799 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 999999 }))
      .map(([s, digits, us]) => `${new Date(s * 1000).toISOString().slice(0, 19).replace('T', ' ')}${digits ? `.${String(us).padStart(6, '0').slice(0, digits)}` : ''}+00`);
    const values = fc.sample(fc.tuple(json, json, fc.option(json), at), { numRuns: 150, seed: 20261201 });
    for (const [a, b, c, when] of values) await insert({ at: when, details: text(a), after: text(b), before: c ? text(c) : null });
    await expectIdenticalLeaves();
  });

  it('INT-2 the whole log verifies clean through the fast path, in small batches too', async () => {
    const config = t.ctx.config;
    for (const batchSize of [7, 50_000]) {
      const [log, event] = await verifyLog(t.ctx.db, { verifierKey: logVerifierKey(config), origin: config.log.origin, batchSize });
      expect(event!.discrepancies).toEqual([]);
      expect(log!.discrepancies).toEqual([]);
      expect(event!.examined).toBeGreaterThan(150);
    }
  });

  it('INT-2 a run of missing leaves longer than a batch is named once, and the leaves after it are still checked', async () => {
    await t.ownerDb.transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`); // triggers off, as an insider would
      await tx.execute(sql`delete from log_leaves where leaf_index between 3 and 30`);
    });
    const [log, event] = await verifyLog(t.ctx.db, { verifierKey: logVerifierKey(t.ctx.config), origin: t.ctx.config.log.origin, batchSize: 5 });
    expect(log!.discrepancies.filter((d) => d.table === 'log_leaves')).toEqual([expect.objectContaining({ recordId: '3', what: expect.stringContaining('缺少第 3–30 号叶子') })]);
    expect(event!.examined).toBe((await readLeavesAfter(t.ctx.db, -1, 1_000_000)).length);
    // Their events are now unlogged (named as such); no event is reported as changed.
    expect(event!.discrepancies.length).toBeGreaterThan(0);
    expect(event!.discrepancies.every((d) => d.what.includes('未入日志'))).toBe(true);
  });
});

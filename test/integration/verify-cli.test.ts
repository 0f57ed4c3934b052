import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCommand } from '../../src/domains/integrity/verify/cli-verify.js';
import type { VerifyState } from '../../src/domains/integrity/verify/run-verify.js';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeAgency } from '../support/factories.js';
import { insiderDb } from '../support/integrity-deployment.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A stdout stand-in that keeps what was written (not a TTY: no progress line). */
function capture() {
  let text = '';
  const stream = new Writable({ write: (chunk: Buffer, _e, done) => ((text += chunk.toString()), done()) }) as unknown as NodeJS.WriteStream;
  return { stream, text: () => text };
}

describe('liuhen verify on the command line (INT-2)', () => {
  let t: TestApp;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp();
    agencyId = (await makeAgency(t.app)).id;
    for (let i = 0; i < 2; i++) await ingestBytes(t, agencyId, fakeMp4(3000 + i, i + 7));
  });
  afterAll(() => t?.close());

  it('INT-2 exit code 0 and a Chinese summary per check when everything holds', async () => {
    const out = capture();
    expect(await verifyCommand(t.ctx, {}, out.stream, capture().stream)).toBe(0);
    expect(out.text()).toContain('不可变记录（与审计事件承诺的内容哈希）：检查 2 项，全部一致');
    expect(out.text()).toContain('原件（按 SHA-256 重新计算）：检查 2 项，全部一致');
    expect(out.text()).toContain('结论：全部一致。');
  });

  it('INT-2 exit code 1, one line per discrepancy naming table, record and proof; --json for machines', async () => {
    const [row] = (await t.ctx.db.execute(sql`select id from av_records limit 1`) as unknown as { rows: Array<{ id: string }> }).rows;
    await insiderDb(t).transaction(async (tx) => {
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.execute(sql`update av_records set device_serial = 'X-FORGED' where id = ${row!.id}`);
    });
    const out = capture();
    expect(await verifyCommand(t.ctx, { only: 'records' }, out.stream, capture().stream)).toBe(1);
    expect(out.text()).toMatch(new RegExp(`【不可变记录】表 av_records，记录 ${row!.id}：音像记录原件的内容与审计事件 \\d+ 承诺的哈希不一致.*；证据：审计事件 \\d+，应为 [0-9a-f]{64}，实为 [0-9a-f]{64}`));
    const json = capture();
    expect(await verifyCommand(t.ctx, { only: 'records,objects', json: true }, json.stream, capture().stream)).toBe(1);
    const result = JSON.parse(json.text()) as { ok: boolean; reports: Array<{ check: string; discrepancies: Array<{ table: string; recordId: string }> }> };
    expect(result.ok).toBe(false);
    expect(result.reports[0]!.discrepancies).toEqual([expect.objectContaining({ table: 'av_records', recordId: row!.id })]);
  });

  it('INT-2 --resume continues from the state file and removes it when done; an unknown check is refused', async () => {
    const statePath = join(t.dataDir, 'verify-state.json');
    // As if a run had finished the records check (finding one problem) and then been stopped.
    const saved: VerifyState = { startedAt: '2026-03-02T02:00:00.000Z', done: { records: { check: 'record', examined: 99, discrepancies: [{ check: 'record', table: 'documents', recordId: 'earlier', what: '之前发现的问题' }] } } };
    writeFileSync(statePath, JSON.stringify(saved));
    const out = capture();
    expect(await verifyCommand(t.ctx, { only: 'records,objects', resume: true }, out.stream, capture().stream)).toBe(1);
    expect(out.text()).toContain('检查 99 项');
    expect(out.text()).toContain('记录 earlier：之前发现的问题');
    expect(existsSync(statePath)).toBe(false);
    await expect(verifyCommand(t.ctx, { only: 'records,everything' }, capture().stream, capture().stream)).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

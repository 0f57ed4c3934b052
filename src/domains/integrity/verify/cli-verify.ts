import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import type { AppContext } from '../../../server/context.js';
import { AppError } from '../../../shared/errors.js';
import { treeSize } from '../log/log-store.js';
import { writeBaseline } from './baseline.js';
import { formatResult } from './format-report.js';
import { logCheckFor } from './log-check.js';
import { committedKinds } from './record-commitments.js';
import { checkNames, runVerify, type CheckName, type VerifyState } from './run-verify.js';
import { countReferencedObjects } from './verify-objects.js';

// `liuhen verify`: the whole run from the command line. Where it got to is written after every
// batch to a state file (default <data folder>/verify-state.json); `--resume` continues from it,
// so a run over a large deployment survives an interruption. A finished run removes the file.

export type VerifyCliOptions = { json?: boolean; only?: string; resume?: boolean; state?: string; baseline?: boolean };

export async function verifyCommand(ctx: AppContext, o: VerifyCliOptions, out: NodeJS.WriteStream = process.stdout, err: NodeJS.WriteStream = process.stderr): Promise<number> {
  const only = parseOnly(o.only);
  if (o.baseline) {
    const n = await writeBaseline(ctx.db, ctx.clock());
    if (!o.json) out.write(`完整性基线：为 ${n} 条尚无承诺的不可变记录登记了内容哈希。\n`);
  }
  const statePath = o.state ?? join(ctx.config.dataDir, 'verify-state.json');
  const state = o.resume ? await readState(statePath) : undefined;
  if (o.resume && !state && !o.json) out.write('没有可继续的校验进度，从头开始。\n');
  const bar = out.isTTY ? progressLine(err) : null;
  const totals = bar ? await checkTotals(ctx) : null;
  const show = (check: CheckName, done: number) => bar?.(stepLabel[check], done, totals?.[check] ?? 0);
  const result = await runVerify(ctx.db, ctx.store, {
    only,
    state,
    logCheck: logCheckFor(ctx.config, { onProgress: (n) => show('log', n) }),
    onProgress: async (s, p) => {
      show(p.check, p.examined);
      await saveState(statePath, s);
    },
  });
  bar?.(null);
  await rm(statePath, { force: true });
  out.write(o.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatResult(result)}\n`);
  return result.ok ? 0 : 1;
}

const stepLabel: Record<CheckName, string> = { log: '日志', events: '审计事件', records: '不可变记录', objects: '原件' };

function parseOnly(text: string | undefined): CheckName[] | undefined {
  if (!text) return undefined;
  const list = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list.filter((c) => !(checkNames as readonly string[]).includes(c));
  if (bad.length) throw new AppError('VALIDATION_FAILED', `未知的校验项：${bad.join(',')}；可选 ${checkNames.join(',')}`);
  return list as CheckName[];
}

async function readState(path: string): Promise<VerifyState | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as VerifyState;
  } catch {
    return undefined;
  }
}

// Written beside and renamed into place, so an interruption never leaves half a state file.
async function saveState(path: string, state: VerifyState) {
  await writeFile(`${path}.tmp`, JSON.stringify(state));
  await rename(`${path}.tmp`, path);
}

/** How many items each check will examine, for the progress bar (only counted on a terminal). */
async function checkTotals(ctx: AppContext): Promise<Record<CheckName, number>> {
  const records = await Promise.all(committedKinds.map(async (k) => (await ctx.db.select({ n: count() }).from(k.table).where(k.frozen))[0]!.n));
  return { log: await treeSize(ctx.db), events: 0, records: records.reduce((a, b) => a + b, 0), objects: await countReferencedObjects(ctx.db) };
}

/** A bar redrawn in place on the terminal (only on a TTY), at most ten times a second; null clears it. */
function progressLine(stream: NodeJS.WriteStream) {
  let last = 0;
  return (label: string | null, done = 0, total = 0) => {
    const now = Date.now();
    if (label !== null && now - last < 100) return;
    last = now;
    if (label === null) return void stream.write('\r\x1b[2K');
    const share = total > 0 ? Math.min(1, done / total) : 0;
    const width = 30;
    const bar = total > 0 ? `[${'█'.repeat(Math.round(share * width)).padEnd(width, '░')}] ${String(Math.floor(share * 100)).padStart(3)}% ` : '';
    stream.write(`\r\x1b[2K完整性校验 ${bar}${label} ${done}${total > 0 ? `/${total}` : ''}`);
  };
}

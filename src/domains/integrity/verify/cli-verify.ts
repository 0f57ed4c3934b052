import { readFile, rm, writeFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppContext } from '../../../server/context.js';
import { AppError } from '../../../shared/errors.js';
import { writeBaseline } from './baseline.js';
import { formatResult } from './format-report.js';
import { logCheckFor } from './log-check.js';
import { checkNames, runVerify, type CheckName, type VerifyState } from './run-verify.js';

// `liuhen verify`: the whole run from the command line. Where it got to is written after every
// batch to a state file (default <data folder>/verify-state.json); `--resume` continues from it,
// so a run over a large deployment survives an interruption. A finished run removes the file.

export type VerifyCliOptions = { json?: boolean; fromLeaf?: number; only?: string; resume?: boolean; state?: string; baseline?: boolean };

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
  let leaves = 0;
  const result = await runVerify(ctx.db, ctx.store, {
    only,
    fromLeaf: o.fromLeaf,
    state,
    logCheck: logCheckFor(ctx.config, { onProgress: (n) => { leaves = n; bar?.(`日志 已校验 ${leaves} 个叶子`); } }),
    onProgress: async (s, p) => {
      bar?.(`${stepLabel[p.check]} 已检查 ${p.examined} 项`);
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

/** One line redrawn in place on the terminal (only on a TTY); null clears it. */
function progressLine(stream: NodeJS.WriteStream) {
  const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
  let i = 0;
  let last = 0;
  return (text: string | null) => {
    const now = Date.now();
    if (text !== null && now - last < 100) return;
    last = now;
    stream.write(`\r\x1b[2K${text === null ? '' : `${frames[i++ % frames.length]} 完整性校验：${text}`}`);
  };
}

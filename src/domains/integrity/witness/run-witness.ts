import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cosign, type WitnessSigner } from './cosignature.js';
import { judgeCheckpoint, type SeenCheckpoint } from './judge-checkpoint.js';
import { parseVerifierKey } from '../log/signed-note.js';
import { openCheckpoint } from './log-checkpoint.js';

// `liuhen witness`: one round of a supervising body's witness against a Liuhen deployment. It
// pins the log's key and remembers the last checkpoint it vouched for in its state file (its
// only memory: keep it on the witness's own machine); the server is trusted for nothing it
// cannot prove. The state is written before the cosignature is sent, so a witness never later
// vouches for a tree that is not an extension of one it has already cosigned.

export type WitnessState = { logVerifierKey: string; last: SeenCheckpoint };
export type WitnessRound =
  | { outcome: 'cosigned'; treeSize: number; firstUse: boolean; grownFrom?: number; posted: 'created' | 'repeated' }
  | { outcome: 'alarm'; alarm: string };

export function readState(path: string): WitnessState | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as WitnessState;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new Error(`见证状态文件 ${path} 无法读取：${(e as Error).message}`);
  }
}

function writeState(path: string, state: WitnessState) {
  // Written aside and renamed: a crash mid-write never leaves a half state that would pass as a first run.
  writeFileSync(`${path}.tmp`, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(`${path}.tmp`, path);
}

async function getJson<T>(base: string, path: string): Promise<T> {
  const res = await fetch(new URL(path, base));
  if (!res.ok) throw new Error(`${path}：HTTP ${res.status}`);
  return (await res.json()) as T;
}

export async function runWitnessRound(opts: { url: string; signer: WitnessSigner; statePath: string; now?: () => Date }): Promise<WitnessRound> {
  const now = opts.now ?? (() => new Date());
  const state = readState(opts.statePath);
  const { verifierKey } = await getJson<{ verifierKey: string }>(opts.url, '/api/log/public-key');
  if (state && state.logVerifierKey !== verifierKey) {
    return { outcome: 'alarm', alarm: `日志公钥被更换：此前为 ${state.logVerifierKey}，现在为 ${verifierKey}` };
  }
  const pinnedKey = state?.logVerifierKey ?? verifierKey;
  if (!parseVerifierKey(pinnedKey)) throw new Error(`日志公钥格式不正确：${verifierKey}`);
  const res = await fetch(new URL('/api/log/checkpoint.txt', opts.url));
  if (!res.ok) throw new Error(`/api/log/checkpoint.txt：HTTP ${res.status}`);
  const opened = openCheckpoint(await res.text(), pinnedKey);
  if (!opened.ok) return { outcome: 'alarm', alarm: opened.reason };
  const next = opened.checkpoint;

  let proof: Buffer[] | undefined;
  if (state && next.treeSize > state.last.treeSize && state.last.treeSize > 0) {
    const q = new URLSearchParams({ fromSize: String(state.last.treeSize), toSize: String(next.treeSize) });
    const answer = await getJson<{ hashes: string[] }>(opts.url, `/api/log/proofs/consistency?${q}`);
    proof = answer.hashes.map((h) => Buffer.from(h, 'base64'));
  }
  const judgement = judgeCheckpoint(state?.last ?? null, next, proof);
  if (!judgement.cosign) return { outcome: 'alarm', alarm: judgement.alarm };

  writeState(opts.statePath, { logVerifierKey: pinnedKey, last: { origin: next.origin, treeSize: next.treeSize, rootHash: next.rootHash.toString('base64') } });
  const signature = cosign(next.body, opts.signer, Math.floor(now().getTime() / 1000));
  const posted = await fetch(new URL('/api/log/cosignatures', opts.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ checkpoint: next.body, signature }),
  });
  if (!posted.ok) {
    const err = (await posted.json().catch(() => ({}))) as { message?: string };
    throw new Error(`联署签名未被接收（HTTP ${posted.status}）：${err.message ?? ''}`);
  }
  return { outcome: 'cosigned', treeSize: next.treeSize, firstUse: judgement.why === 'first-use', grownFrom: judgement.why === 'grown' ? state?.last.treeSize : undefined, posted: posted.status === 201 ? 'created' : 'repeated' };
}

import { desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { logCosignatures, witnesses } from '../../../db/schema/index.js';
import { AppError } from '../../../shared/errors.js';
import { iso } from '../../../shared/http-schemas.js';
import { checkpointAtSize, latestCheckpoint } from '../log/log-store.js';
import { parseSignatureLine, parseVerifierKey, verifyCosignature } from './cosignature.js';

// A cosignature arrives without a sign-in: it is authenticated by itself. It is kept only when it
// verifies against a registered witness key AND cosigns exactly a checkpoint this log signed —
// so the table never holds a statement about a tree the log did not publish. Receiving one writes
// no audit event: that event would grow the log, the next checkpoint would be cosigned again, and
// the log would never rest; the table is itself append-only and every row proves itself.

/** A witness clock ahead of ours by more than this is refused (C2SP: verifiers MAY refuse future times). */
const MAX_CLOCK_AHEAD_MS = 10 * 60 * 1000;

/** The note's text: everything up to and including the newline before the blank line. */
export const noteBody = (note: string) => {
  const split = note.indexOf('\n\n');
  return split < 0 ? note : note.slice(0, split + 1);
};

export async function receiveCosignature(db: Db, input: { checkpoint: string; signature: string }, now: Date) {
  const body = noteBody(input.checkpoint);
  const line = parseSignatureLine(input.signature.trim());
  if (!line) throw new AppError('VALIDATION_FAILED', '联署签名行格式不正确：应为“— 见证方名称 base64签名”');
  const [witness] = await db.select().from(witnesses).where(eq(witnesses.name, line.name));
  const key = witness && parseVerifierKey(witness.verifierKey);
  if (!witness || !key) throw new AppError('FORBIDDEN', `见证方「${line.name}」未在本平台登记，其联署签名不予接收`);
  const check = verifyCosignature(body, input.signature.trim(), key);
  if (!check.ok) throw new AppError('VALIDATION_FAILED', `联署签名无效：${check.reason}`);
  if (check.time * 1000 > now.getTime() + MAX_CLOCK_AHEAD_MS) throw new AppError('VALIDATION_FAILED', '联署签名的时间晚于本平台当前时间过多，请校准见证方的时钟');

  const size = Number(body.split('\n')[1]);
  const signed = Number.isSafeInteger(size) ? await checkpointAtSize(db, size) : null;
  if (!signed || noteBody(signed.note) !== body) throw new AppError('VALIDATION_FAILED', `本日志未签发过此检查点（树大小 ${body.split('\n')[1] ?? '?'}），联署签名不予接收`, { treeSize: size });

  const inserted = await db
    .insert(logCosignatures)
    .values({ witnessId: witness.id, treeSize: size, rootHash: signed.rootHash.toString('base64'), checkpointBody: body, signatureLine: input.signature.trim(), cosignedAt: new Date(check.time * 1000), receivedAt: now })
    .onConflictDoNothing({ target: logCosignatures.signatureLine })
    .returning();
  const [row] = inserted.length ? inserted : await db.select().from(logCosignatures).where(eq(logCosignatures.signatureLine, input.signature.trim()));
  return { created: inserted.length > 0, cosignature: present(row!, witness) };
}

type Row = typeof logCosignatures.$inferSelect;
const present = (r: Row, w: { name: string; label: string }) => ({
  witnessName: w.name,
  witnessLabel: w.label,
  treeSize: r.treeSize,
  rootHash: r.rootHash,
  signatureLine: r.signatureLine,
  cosignedAt: iso(r.cosignedAt)!,
  receivedAt: iso(r.receivedAt)!,
});

/**
 * Cosignatures of one tree size, or the newest 200. Each line can be appended to
 * that checkpoint's note, and any C2SP tool (tools/tlog-verify) verifies it with the witness key.
 */
export async function listCosignatures(db: Db, query: { treeSize?: number }) {
  const rows = await db
    .select({ c: logCosignatures, name: witnesses.name, label: witnesses.label })
    .from(logCosignatures)
    .innerJoin(witnesses, eq(witnesses.id, logCosignatures.witnessId))
    .where(query.treeSize === undefined ? undefined : eq(logCosignatures.treeSize, query.treeSize))
    .orderBy(desc(logCosignatures.treeSize), desc(logCosignatures.receivedAt))
    .limit(200);
  return rows.map((r) => present(r.c, r));
}

/**
 * The latest checkpoint note with every stored cosignature of it appended as further signature
 * lines — the form C2SP clients expect (a checkpoint carrying its witnesses' cosignatures), so
 * e.g. `tlog-verify -url … -witness <key>` checks the witnesses too. Null while the log is empty.
 */
export async function latestCosignedNote(db: Db): Promise<string | null> {
  const latest = await latestCheckpoint(db);
  if (!latest) return null;
  const lines = await db.select({ line: logCosignatures.signatureLine }).from(logCosignatures).where(eq(logCosignatures.treeSize, latest.treeSize)).orderBy(logCosignatures.receivedAt);
  return latest.note + lines.map((l) => `${l.line}\n`).join('');
}

import { Readable } from 'node:stream';
import { Zip, ZipPassThrough, strToU8 } from 'fflate';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { agencies, avBookmarks, matters, officers } from '../../db/schema/index.js';
import { formatShanghai } from '../../rules/calendar/shanghai-day.js';
import type { Config } from '../../server/config.js';
import type { ObjectStore } from '../../store/object-store.js';
import { eventSeqsOfObject, inclusionBundle } from '../integrity/log/inclusion-bundle.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';
import type { AvRow } from './av-records.js';
import { AppError } from '../../shared/errors.js';
import { recordFixityOutcome } from '../integrity/fixity/fixity-tick.js';
import { outcomeText, rehashObject } from '../integrity/verify/verify-objects.js';

/**
 * AV-10: an evidence copy — the original, an explanatory note (who took it, when, where: S3
 * 全过程记录办法 第二十三条, S2 第二十条) and a SHA-256 manifest (`sha256sum -c` verifies it),
 * streamed as a ZIP without compression so the original's bytes are inside unchanged. With it,
 * `log-proofs.json` (INT-1): the record's audit events (its ingest with the original's SHA-256,
 * and every change) with their inclusion proofs against a signed checkpoint, checkable offline.
 */
export async function evidenceCopy(db: Db, store: ObjectStore, logConfig: Pick<Config, 'dataDir' | 'log'>, actor: Actor, record: AvRow, now: Date) {
  // The note says the copy is byte for byte the original: true only if the stored bytes still
  // hash to the key registered at ingest. Re-hashed here (one read), and a damaged original is
  // an alert like any the scheduled fixity check finds (INT-3), never a copy.
  const check = await rehashObject(store, record.objectKey);
  const obj = { key: record.objectKey, agencyId: record.agencyId, matterId: record.matterId, table: 'av_records', refId: record.id };
  await db.transaction((tx) => recordFixityOutcome(tx, obj, check, now));
  // Overwritten on the bucket: the original version is intact and is what is read; alerted, copied.
  if (check.outcome !== 'ok' && check.outcome !== 'overwritten') {
    throw new AppError('ORIGINAL_DAMAGED', `原始文件校验未通过（${outcomeText[check.outcome]}），已告警；在原件恢复前不能导出证据副本`);
  }
  const [[agency], matter, officer, bookmarks] = await Promise.all([
    db.select().from(agencies).where(eq(agencies.id, record.agencyId)),
    record.matterId ? db.select().from(matters).where(eq(matters.id, record.matterId)).then((r) => r[0]) : Promise.resolve(undefined),
    record.officerId ? db.select().from(officers).where(eq(officers.id, record.officerId)).then((r) => r[0]) : Promise.resolve(undefined),
    db.select().from(avBookmarks).where(eq(avBookmarks.avRecordId, record.id)).orderBy(asc(avBookmarks.atSecond)),
  ]);
  const extension = record.mediaType.split('/')[1]?.replace('quicktime', 'mov').replace('x-msvideo', 'avi').replace('jpeg', 'jpg') ?? 'bin';
  const originalName = `original-${record.objectKey.slice(0, 12)}.${extension}`;
  const fmt = (d: Date | null) => (d ? formatShanghai(d) : '未记录');
  const note = [
    '音像证据说明',
    `制作机关：${agency?.name ?? ''}`,
    `所属事项：${matter ? `${matter.number} ${matter.title}` : '未关联事项'}`,
    `制作人：${record.recordedBy === 'party' ? '当事人（当事人自行录制后提交）' : (officer ? `${officer.name}（执法证号 ${officer.certificateNo}）` : '未记录')}`,
    `记录设备：${record.deviceSerial ?? '未记录'}`,
    `开始时间：${fmt(record.startedAt)}`,
    `结束时间：${fmt(record.endedAt)}`,
    `地点：${record.place ?? '未记录'}`,
    `标题：${record.title ?? ''}`,
    `内容说明：${record.description ?? ''}`,
    `入库时间：${fmt(record.ingestedAt)}`,
    `原始文件 SHA-256：${record.objectKey}（大小 ${record.size} 字节，类型 ${record.mediaType}）`,
    ...(bookmarks.length ? ['要点标记：', ...bookmarks.map((b) => `  ${Math.floor(b.atSecond / 60)}:${String(b.atSecond % 60).padStart(2, '0')} ${b.keyPoint ?? ''} ${b.note ?? ''}`)] : []),
    `导出人：${actor.name ?? ''}　导出时间：${formatShanghai(now)}`,
    '原始文件未经剪接、删改；本副本与系统中保存的原始文件逐字节一致，可用 manifest-sha256.txt 校验。',
    'log-proofs.json：本记录的审计事件（含入库时登记的原始文件 SHA-256）在留痕日志中的包含证明及签名检查点（RFC 9162、C2SP），无需访问本系统即可核验。',
  ].join('\n');
  const noteBytes = strToU8(`${note}\n`);
  const { createHash } = await import('node:crypto');
  const noteHash = createHash('sha256').update(noteBytes).digest('hex');
  const proofs = strToU8(`${JSON.stringify(await inclusionBundle(db, logConfig, await eventSeqsOfObject(db, 'av_record', record.id), now), null, 2)}\n`);
  const proofsHash = createHash('sha256').update(proofs).digest('hex');
  const manifest = strToU8(`${record.objectKey}  ${originalName}\n${noteHash}  说明.txt\n${proofsHash}  log-proofs.json\n`);

  await recordAudit(db, actor, { action: 'av.evidence_exported', agencyId: record.agencyId, objectType: 'av_record', objectId: record.id, details: { objectKey: record.objectKey } }, now);
  const original = await store.read(record.objectKey);
  return { stream: zipStream([['说明.txt', noteBytes], ['log-proofs.json', proofs], ['manifest-sha256.txt', manifest]], originalName, original), fileName: `音像证据-${record.objectKey.slice(0, 12)}.zip` };
}

function zipStream(small: Array<[string, Uint8Array]>, originalName: string, original: Readable): Readable {
  // Back-pressure: the original is paused while the client is slower than the disk, so a
  // multi-GB recording never sits in memory.
  const out = new Readable({ read: () => void original.resume() });
  const zip = new Zip((err, chunk, final) => {
    if (err) return out.destroy(err);
    if (!out.push(Buffer.from(chunk))) original.pause();
    if (final) out.push(null);
  });
  for (const [name, bytes] of small) {
    const entry = new ZipPassThrough(name);
    zip.add(entry);
    entry.push(bytes, true);
  }
  const entry = new ZipPassThrough(originalName);
  zip.add(entry);
  original.on('data', (c: Buffer) => entry.push(c));
  original.on('end', () => {
    entry.push(new Uint8Array(0), true);
    zip.end();
  });
  original.on('error', (e) => out.destroy(e));
  return out;
}

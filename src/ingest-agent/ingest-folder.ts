import { createReadStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import * as tus from 'tus-js-client';
import { listFolder, readMapping, sha256OfFile, type FolderFile } from './folder-files.js';
import { IngestState } from './state-file.js';

export type IngestOptions = {
  folder: string;
  server: string;
  token: string;
  agencyId?: string;
  mappingPath?: string;
  deleteAfter?: boolean;
  chunkSize?: number;
  log?: (line: string) => void;
};

export type IngestSummary = { uploaded: number; skipped: number; failed: { file: string; error: string }[]; deleted: number };

/**
 * Empties a collection station's folder into Liuhen (AV-2): each file is hashed, uploaded over
 * tus with the hash declared (resuming where an earlier run stopped), checked against the hash
 * the server reports, and only then marked done. Files are never deleted unless asked.
 */
export async function ingestFolder(opts: IngestOptions): Promise<IngestSummary> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const folder = resolve(opts.folder);
  const server = opts.server.replace(/\/+$/, '');
  const headers = { authorization: `Bearer ${opts.token}` };
  const agencyId = opts.agencyId ?? (await agencyOfToken(server, headers));
  const state = new IngestState(folder);
  const mappingPath = opts.mappingPath ? resolve(opts.mappingPath) : undefined;
  const files = (await listFolder(folder, readMapping(mappingPath))).filter((f) => f.path !== mappingPath);
  const summary: IngestSummary = { uploaded: 0, skipped: 0, failed: [], deleted: 0 };

  for (const [i, file] of files.entries()) {
    const tag = `[${i + 1}/${files.length}] ${file.relPath}`;
    const done = state.doneEntry(file.relPath);
    if (done && done.size === file.size && done.mtimeMs === file.mtimeMs) {
      summary.skipped++;
      log(`${tag} 已入库，跳过（记录 ${done.avRecordId}）`);
      if (opts.deleteAfter) summary.deleted += await deleteFile(file, log, tag);
      continue;
    }
    try {
      const sha256 = await sha256OfFile(file.path);
      const result = await uploadOne({ endpoint: `${server}/api/agencies/${agencyId}/av/uploads`, headers, file, sha256, state, chunkSize: opts.chunkSize, log: (p) => log(`${tag} ${p}`) });
      if (result.sha256 !== sha256) throw new Error(`服务器报告的校验值 ${result.sha256 ?? '（无）'} 与本地 ${sha256} 不一致`);
      await state.markDone(file.relPath, { sha256, size: file.size, mtimeMs: file.mtimeMs, avRecordId: result.recordId, at: new Date().toISOString() });
      summary.uploaded++;
      log(`${tag} 完成，SHA-256 ${sha256.slice(0, 12)}… 已核对，记录 ${result.recordId}`);
      if (opts.deleteAfter) summary.deleted += await deleteFile(file, log, tag);
    } catch (err) {
      summary.failed.push({ file: file.relPath, error: err instanceof Error ? err.message : String(err) });
      log(`${tag} 失败：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  log(`上传 ${summary.uploaded} 个，跳过 ${summary.skipped} 个，失败 ${summary.failed.length} 个${opts.deleteAfter ? `，删除 ${summary.deleted} 个` : ''}`);
  return summary;
}

type TusInput = ConstructorParameters<typeof tus.Upload>[0];
/**
 * tus-js-client's Node build reads an fs.ReadStream as a seekable file source (so a resumed upload
 * skips what the server has; lib/node/fileReader.js), but its one .d.ts lists only browser inputs.
 */
const fileSource = (path: string): TusInput => createReadStream(path) as unknown as TusInput;

function uploadOne(a: { endpoint: string; headers: Record<string, string>; file: FolderFile; sha256: string; state: IngestState; chunkSize?: number; log: (s: string) => void }) {
  const metadata: Record<string, string> = { filename: basename(a.file.path), sha256: a.sha256 };
  for (const [k, v] of Object.entries(a.file.facts)) if (v) metadata[k] = String(v);
  let lastPrinted = -1;
  const started = Date.now();
  return new Promise<{ recordId: string; sha256: string | undefined }>((resolvePromise, reject) => {
    const upload = new tus.Upload(fileSource(a.file.path), {
      endpoint: a.endpoint,
      headers: a.headers,
      metadata,
      chunkSize: a.chunkSize ?? 32 * 1024 * 1024,
      retryDelays: [1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000],
      // Resume key: the bytes (not the name), so a renamed file resumes and a changed one does not.
      fingerprint: async () => `liuhen-ingest-${a.sha256}-${a.file.size}`,
      urlStorage: a.state,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => {
        const pct = Math.floor((sent / total) * 100);
        if (pct >= lastPrinted + 10 || sent === total) {
          lastPrinted = pct;
          const mbps = sent / 1024 / 1024 / Math.max(0.001, (Date.now() - started) / 1000);
          a.log(`${pct}% (${(sent / 1024 / 1024).toFixed(1)} MB, ${mbps.toFixed(1)} MB/s)`);
        }
      },
      onSuccess: ({ lastResponse }) => {
        const recordId = lastResponse.getHeader('Liuhen-Av-Record-Id');
        if (!recordId) return reject(new Error('服务器未返回音像记录 ID'));
        resolvePromise({ recordId, sha256: lastResponse.getHeader('Liuhen-Object-Sha256') });
      },
      onError: (err) => {
        const body = (err as tus.DetailedError).originalResponse?.getBody();
        const message = body ? safeMessage(body) : err.message;
        reject(new Error(message));
      },
    });
    upload.findPreviousUploads().then((previous) => {
      if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
      upload.start();
    }, reject);
  });
}

function safeMessage(body: string) {
  try {
    const parsed = JSON.parse(body) as { code?: string; message?: string };
    return parsed.message ? `${parsed.message}（${parsed.code}）` : body;
  } catch {
    return body.slice(0, 300);
  }
}

async function deleteFile(file: FolderFile, log: (s: string) => void, tag: string) {
  await unlink(file.path);
  log(`${tag} 已按 --delete-after 删除本地文件`);
  return 1;
}

async function agencyOfToken(server: string, headers: Record<string, string>) {
  const res = await fetch(`${server}/api/auth/me`, { headers });
  if (!res.ok) throw new Error(`令牌无效或服务器不可达：${res.status}`);
  const me = (await res.json()) as { memberships?: { agencyId: string }[] };
  const agencyId = me.memberships?.[0]?.agencyId;
  if (!agencyId) throw new Error('令牌不属于任何机关，请用 --agency 指定');
  return agencyId;
}

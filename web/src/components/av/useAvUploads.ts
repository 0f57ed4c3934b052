import { useCallback, useEffect, useRef, useState } from 'react';
import { DetailedError, Upload, type HttpResponse } from 'tus-js-client';
import { avApi } from '../../api/av.js';

// Resumable browser uploads over tus 1.0 (AV-2). Chunks of 8 MiB: each acknowledged chunk is
// durably held by the server, so a dropped link costs at most one chunk. tus-js-client keeps
// each upload's URL in localStorage under a fingerprint of the file and its matter and step:
// picking the same file again (also after closing the tablet's browser) resumes it.

const CHUNK = 8 * 1024 * 1024;
/** Files up to this size are hashed in the browser and the hash declared; the server verifies it. */
export const HASH_LIMIT = 256 * 1024 * 1024;
const RECORD_HEADER = 'Liuhen-Av-Record-Id';

export type UploadMeta = Record<string, string | null | undefined>;
export type UploadState = 'hashing' | 'uploading' | 'interrupted' | 'done' | 'failed';
export type UploadItem = { key: string; file: File; state: UploadState; sent: number; total: number; message: string | null; recordId: string | null; hashed: boolean };

async function sha256Hex(file: File): Promise<string | null> {
  // crypto.subtle exists only in a secure context (https, localhost); otherwise the server alone hashes.
  if (file.size > HASH_LIMIT || !globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function messageOf(err: unknown): { message: string; retryable: boolean } {
  if (err instanceof DetailedError && err.originalResponse) {
    const status = err.originalResponse.getStatus();
    try {
      const body = JSON.parse(err.originalResponse.getBody()) as { message?: string };
      if (body.message) return { message: body.message, retryable: status >= 500 || status === 423 };
    } catch {
      // not our JSON: fall through
    }
    return { message: `上传失败（HTTP ${status}）`, retryable: status >= 500 || status === 423 };
  }
  return { message: '网络中断，已收到的部分保存在服务器上，可继续上传', retryable: true };
}

export function useAvUploads(agencyId: string, csrf: string | null, onDone: (recordId: string) => void) {
  const [items, setItems] = useState<UploadItem[]>([]);
  const uploads = useRef(new Map<string, Upload>());
  const done = useRef(onDone);
  done.current = onDone;
  const patch = useCallback((key: string, p: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...p } : i))), []);

  const finish = useCallback(
    async (key: string, upload: Upload, response: HttpResponse | null) => {
      let recordId = response?.getHeader(RECORD_HEADER) || null;
      if (!recordId && upload.url) recordId = (await avApi.uploadStatus(agencyId, upload.url.split('/').pop()!).catch(() => null))?.avRecordId ?? null;
      patch(key, { state: 'done', message: null, recordId });
      if (recordId) done.current(recordId);
    },
    [agencyId, patch],
  );

  const start = useCallback(
    async (files: File[], meta: UploadMeta) => {
      const added = files.map((file) => ({ key: `${file.name}-${file.size}-${Date.now()}-${Math.random()}`, file, state: 'hashing' as const, sent: 0, total: file.size, message: null, recordId: null, hashed: false }));
      setItems((list) => [...added, ...list]);
      for (const item of added) {
        const sha256 = await sha256Hex(item.file).catch(() => null);
        const metadata: Record<string, string> = { filename: item.file.name, filetype: item.file.type };
        for (const [k, v] of Object.entries({ ...meta, sha256 })) if (v) metadata[k] = v;
        const upload: Upload = new Upload(item.file, {
          endpoint: avApi.uploadEndpoint(agencyId),
          chunkSize: CHUNK,
          retryDelays: [0, 1000, 3000, 5000, 10000],
          headers: csrf ? { 'x-csrf-token': csrf } : {},
          metadata,
          removeFingerprintOnSuccess: true,
          fingerprint: async (file) => ['liuhen-av', agencyId, meta.matterId ?? '-', meta.stepId ?? '-', (file as File).name, file.size, (file as File).lastModified].join('/'),
          onProgress: (sent, total) => patch(item.key, { sent, total, state: 'uploading', message: null }),
          onSuccess: ({ lastResponse }) => void finish(item.key, upload, lastResponse),
          onError: (err) => {
            const { message, retryable } = messageOf(err);
            patch(item.key, { state: retryable ? 'interrupted' : 'failed', message });
          },
        });
        uploads.current.set(item.key, upload);
        patch(item.key, { state: 'uploading', hashed: Boolean(sha256) });
        const previous = await upload.findPreviousUploads().catch(() => []);
        if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
        upload.start();
      }
    },
    [agencyId, csrf, finish, patch],
  );

  /** 继续上传: asks the server what it holds (HEAD) and sends the rest. */
  const resume = useCallback(
    (key: string) => {
      const upload = uploads.current.get(key);
      if (!upload) return;
      patch(key, { state: 'uploading', message: null });
      upload.start();
    },
    [patch],
  );

  const pause = useCallback(
    (key: string) => {
      void uploads.current.get(key)?.abort(false);
      patch(key, { state: 'interrupted', message: '已暂停，可继续上传' });
    },
    [patch],
  );

  const dismiss = useCallback((key: string) => {
    uploads.current.delete(key);
    setItems((list) => list.filter((i) => i.key !== key));
  }, []);

  // Back online: continue every interrupted upload without waiting for a tap.
  const latest = useRef(items);
  latest.current = items;
  useEffect(() => {
    const online = () => latest.current.filter((i) => i.state === 'interrupted' && i.message?.startsWith('网络')).forEach((i) => resume(i.key));
    window.addEventListener('online', online);
    return () => window.removeEventListener('online', online);
  }, [resume]);

  // Leaving the page stops sending (the server keeps what it has; picking the file again resumes).
  useEffect(() => {
    const all = uploads.current;
    return () => all.forEach((u) => void u.abort(false));
  }, []);

  return { items, start, resume, pause, dismiss };
}

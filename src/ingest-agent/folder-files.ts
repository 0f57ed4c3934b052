import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { z } from 'zod';
import { stateFileName } from './state-file.js';

// What the agent may say about a file: the server validates the same keys (upload-metadata.ts).
const fileFacts = z
  .object({
    deviceSerial: z.string(),
    officerCertificateNo: z.string(),
    officerId: z.string(),
    matterId: z.string(),
    stepId: z.string(),
    startedAt: z.string(),
    endedAt: z.string(),
    place: z.string(),
    recordedBy: z.enum(['officer', 'party']),
    kind: z.literal('cctv'),
    title: z.string(),
  })
  .partial();
export type FileFacts = z.infer<typeof fileFacts>;

/** The sidecar mapping (`--mapping`): facts for every file, per device, and per file path. */
export const mappingSchema = z.object({
  defaults: fileFacts.optional(),
  devices: z.record(z.string(), fileFacts).optional(),
  files: z.record(z.string(), fileFacts).optional(),
});
export type Mapping = z.infer<typeof mappingSchema>;

export function readMapping(path: string | undefined): Mapping {
  if (!path) return {};
  const parsed = mappingSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`映射文件格式有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return parsed.data;
}

export type FolderFile = { path: string; relPath: string; size: number; mtimeMs: number; facts: FileFacts };

/**
 * Every file under the folder (dot files and the agent's state skipped), in a stable order.
 * The path convention of collection stations is `<device serial>/<执法证号>/<file>`: a file two
 * levels down takes its device and officer from the folders; the mapping adds or overrides.
 */
export async function listFolder(folder: string, mapping: Mapping): Promise<FolderFile[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: FolderFile[] = [];
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.') || e.name === stateFileName) continue;
    const path = join(e.parentPath, e.name);
    const relPath = relative(folder, path).split(sep).join('/');
    if (relPath.split('/').some((part) => part.startsWith('.'))) continue;
    const s = await stat(path);
    const parts = relPath.split('/');
    const fromPath: FileFacts = parts.length >= 3 ? { deviceSerial: parts.at(-3), officerCertificateNo: parts.at(-2) } : parts.length === 2 ? { deviceSerial: parts[0] } : {};
    const device = fromPath.deviceSerial ? mapping.devices?.[fromPath.deviceSerial] : undefined;
    files.push({ path, relPath, size: s.size, mtimeMs: s.mtimeMs, facts: { ...mapping.defaults, ...fromPath, ...device, ...mapping.files?.[relPath] } });
  }
  return files.sort((a, b) => a.relPath.localeCompare(b.relPath));
}

export async function sha256OfFile(path: string) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

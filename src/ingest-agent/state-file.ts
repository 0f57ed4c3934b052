import { readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PreviousUpload, UrlStorage } from 'tus-js-client';

export const stateFileName = '.liuhen-ingest.json';

export type DoneEntry = { sha256: string; size: number; mtimeMs: number; avRecordId: string; at: string };
type State = { version: 1; uploads: Record<string, PreviousUpload & { fingerprint: string }>; done: Record<string, DoneEntry> };

/**
 * The agent's memory, a JSON file in the folder it empties: the tus URL of each unfinished
 * upload (so a second run resumes rather than starts over) and each file already ingested (so a
 * second run sends nothing). Written to a temp file and renamed, so a crash leaves the old or the
 * new state, never half of one.
 */
export class IngestState implements UrlStorage {
  private state: State;
  private readonly path: string;

  constructor(folder: string) {
    this.path = join(folder, stateFileName);
    this.state = readState(this.path);
  }

  doneEntry(relPath: string) {
    return this.state.done[relPath];
  }

  async markDone(relPath: string, entry: DoneEntry) {
    this.state.done[relPath] = entry;
    await this.save();
  }

  async findAllUploads() {
    return Object.values(this.state.uploads);
  }

  async findUploadsByFingerprint(fingerprint: string) {
    return Object.values(this.state.uploads).filter((u) => u.fingerprint === fingerprint);
  }

  async removeUpload(urlStorageKey: string) {
    delete this.state.uploads[urlStorageKey];
    await this.save();
  }

  async addUpload(fingerprint: string, upload: PreviousUpload) {
    const key = `${fingerprint}::${Date.now()}`;
    this.state.uploads[key] = { ...upload, urlStorageKey: key, fingerprint };
    await this.save();
    return key;
  }

  // tus-js-client and the agent both save; one write at a time, each of the latest state.
  private saving: Promise<void> = Promise.resolve();
  private save() {
    this.saving = this.saving.catch(() => undefined).then(async () => {
      const tmp = `${this.path}.tmp`;
      await writeFile(tmp, JSON.stringify(this.state, null, 2));
      await rename(tmp, this.path);
    });
    return this.saving;
  }
}

function readState(path: string): State {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as State;
    if (parsed.version === 1) return { version: 1, uploads: parsed.uploads ?? {}, done: parsed.done ?? {} };
  } catch {
    // No state yet (first run) or unreadable: start afresh; the server still refuses nothing twice
    // (identical bytes are stored once), at worst a file is sent again.
  }
  return { version: 1, uploads: {}, done: {} };
}

import type { KvStore, Upload } from '@tus/utils';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../db/client.js';
import { avUploads } from '../../../db/schema/index.js';

/**
 * The tus file store's "configstore" (what it knows of each upload besides the bytes), kept in
 * av_uploads.info so every process sharing the database can resume any upload. The row itself
 * is created by startUpload with the agency and uploader; this store only fills `info`.
 * A row is never deleted: termination and expiry clear `info` and leave the history.
 */
export class UploadKvStore implements KvStore<Upload> {
  constructor(private readonly db: Db) {}

  async get(id: string): Promise<Upload | undefined> {
    const [row] = await this.db.select({ info: avUploads.info }).from(avUploads).where(and(eq(avUploads.id, id), isNull(avUploads.failure)));
    return (row?.info as Upload | null) ?? undefined;
  }

  async set(id: string, value: Upload): Promise<void> {
    const info = { id: value.id, size: value.size, offset: 0, metadata: value.metadata, creation_date: value.creation_date };
    const rows = await this.db.update(avUploads).set({ info, size: value.size ?? null }).where(eq(avUploads.id, id)).returning({ id: avUploads.id });
    if (!rows.length) throw new Error(`av_uploads row ${id} missing: uploads are created through startUpload`);
  }

  async delete(id: string): Promise<void> {
    await this.db.update(avUploads).set({ info: null, failure: 'terminated' }).where(and(eq(avUploads.id, id), isNull(avUploads.completedAt)));
  }

  async list(): Promise<string[]> {
    const rows = await this.db.select({ id: avUploads.id }).from(avUploads).where(and(isNull(avUploads.completedAt), isNull(avUploads.failure), isNotNull(avUploads.info)));
    return rows.map((r) => r.id);
  }
}

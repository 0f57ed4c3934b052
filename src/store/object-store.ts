import type { Readable } from 'node:stream';

export type StoredObject = { key: string; size: number; created: boolean };
export type ByteRange = { start: number; end: number }; // inclusive, as in HTTP Range

/**
 * Write-once, content-addressed storage: the key of an object is the SHA-256 of its bytes.
 * No method overwrites or deletes an object (AV-3, INT-2); identical bytes are stored once.
 */
export interface ObjectStore {
  readonly kind: string;
  /** Streams bytes in, hashing as they arrive; refuses when `expectedSha256` does not match. */
  put(source: Readable | Uint8Array, opts?: { expectedSha256?: string }): Promise<StoredObject>;
  /**
   * Takes in a complete file the caller holds (e.g. a finished upload) without copying it where
   * the store can: the store hashes the file itself (one read), refuses it when `expectedSha256`
   * differs (nothing stored), and never overwrites an existing key (`created: false`). The
   * caller still owns `path` afterwards and deletes it; no writer may still hold it open.
   * `sha256`: the hash the caller computed from exactly the bytes it wrote to `path` (and synced);
   * given, the store skips its own read of the file.
   */
  adoptFile?(path: string, opts?: { expectedSha256?: string; sha256?: string }): Promise<StoredObject>;
  stat(key: string): Promise<{ size: number } | null>;
  read(key: string, range?: ByteRange): Promise<Readable>;
}

export const isSha256Key = (key: string) => /^[0-9a-f]{64}$/.test(key);

import type { Readable } from 'node:stream';

export type StoredObject = { key: string; size: number; created: boolean };
export type ByteRange = { start: number; end: number }; // inclusive, as in HTTP Range

/**
 * How long an original must stay undeletable: `years` counted from `from` (the recording, the
 * signing). `years: null` means the agency's rule sets none: the store's platform default applies.
 * Stores that cannot lock objects (the local folder) accept and ignore it.
 */
export type Retention = { years: number | null; from: Date };
export type PutOptions = { expectedSha256?: string; retention?: Retention };

/**
 * What the store knows about an object. Everything but `size` is reported by stores with
 * versions and Object Lock (S3), so a verifier can name what happened behind Liuhen's back.
 */
export type ObjectInfo = {
  size: number;
  /** The version Liuhen wrote (the oldest of the key); reads always return this one. */
  versionId?: string;
  /**
   * Versions written to the key after the original with other content (ETag or size differs),
   * and delete markers: writes Liuhen never makes. A later identical copy is not counted.
   */
  laterVersions?: number;
  deleteMarkers?: number;
  /** The original version's lock; null when it has none (the bucket lacks Object Lock). */
  retention?: { mode: string; until: Date } | null;
};

/**
 * Write-once, content-addressed storage: the key of an object is the SHA-256 of its bytes.
 * No method overwrites or deletes an object (AV-3, INT-2); identical bytes are stored once.
 */
export interface ObjectStore {
  readonly kind: string;
  /**
   * Streams bytes in, hashing as they arrive; refuses when `expectedSha256` does not match.
   * With `retention`, a store with Object Lock keeps the object undeletable until then (and
   * extends the lock of bytes it already holds when the new date is later).
   */
  put(source: Readable | Uint8Array, opts?: PutOptions): Promise<StoredObject>;
  /**
   * Takes in a complete file the caller holds (e.g. a finished upload) without copying it where
   * the store can: the store hashes the file itself (one read), refuses it when `expectedSha256`
   * differs (nothing stored), and never overwrites an existing key (`created: false`). The
   * caller still owns `path` afterwards and deletes it; no writer may still hold it open.
   * `sha256`: the hash the caller computed from exactly the bytes it wrote to `path` (and synced);
   * given, the store skips its own read of the file.
   */
  adoptFile?(path: string, opts?: PutOptions & { sha256?: string }): Promise<StoredObject>;
  stat(key: string): Promise<ObjectInfo | null>;
  read(key: string, range?: ByteRange): Promise<Readable>;
}

export const isSha256Key = (key: string) => /^[0-9a-f]{64}$/.test(key);

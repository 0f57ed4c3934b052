// What `liuhen verify`, the scheduled fixity checks and the admin's integrity page report
// (INT-2, INT-3). Every check — the Merkle log, the content of immutable records, the stored
// originals — names each thing that does not hold in this one shape, so the CLI (text and
// --json), the API and the web page show them alike.

/** Which check found it. */
export type IntegrityCheck =
  | 'log' // the Merkle tree, its leaves and signed checkpoints (src/domains/integrity/log)
  | 'event' // an audit event row against its leaf (changed, deleted, never logged)
  | 'record' // an immutable record against the content hash its audit event committed to
  | 'object'; // a stored original (AV original, scan, attachment) against its SHA-256 key

export type Discrepancy = {
  check: IntegrityCheck;
  /** The table (or 'object_store') holding what differs. */
  table: string;
  /** The record's id, the event's seq, or the object's key. */
  recordId: string;
  /** What differs, in Chinese, for the operator: e.g. 「内容哈希与日志第 812 号叶子承诺的不一致」. */
  what: string;
  /**
   * What proves it: the leaf and/or the signed checkpoint the stored state contradicts; `seq` is
   * the audit event (a leaf of the log) whose commitment the record no longer matches.
   */
  proof?: { leafIndex?: number; checkpointSize?: number; seq?: number; expected?: string; actual?: string };
};

/** One check's outcome: how many items it looked at and what did not hold. */
export type CheckReport = { check: IntegrityCheck; examined: number; discrepancies: Discrepancy[] };

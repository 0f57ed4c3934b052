import type { Db } from '../../../db/client.js';
import type { ObjectStore } from '../../../store/object-store.js';
import type { CheckReport, Discrepancy } from './discrepancy.js';
import { verifyEventHashes } from './verify-events.js';
import { verifyObjects } from './verify-objects.js';
import { verifyRecords } from './verify-records.js';

// One verify run (INT-2): the checks `liuhen verify` and the admin's integrity page run alike.
// Progress is reported after each batch with a cursor, so a run over a large deployment can be
// stopped and resumed where it got to (the CLI keeps the cursor in a state file).

export const checkNames = ['log', 'events', 'records', 'objects'] as const;
export type CheckName = (typeof checkNames)[number];

/** Where a run got to: finished checks with their reports, and the cursor inside the current one. */
export type VerifyState = {
  startedAt: string;
  done: Partial<Record<CheckName, CheckReport>>;
  records?: { kindIndex: number; examined: number; discrepancies: Discrepancy[] };
  objects?: { afterKey: string; examined: number; bytes: number; discrepancies: Discrepancy[] };
};

export type VerifyResult = {
  ok: boolean;
  startedAt: string;
  finishedAt: string;
  reports: CheckReport[];
  /** Object re-hash speed of this run (bytes per second), when objects were checked. */
  objectBytesPerSecond?: number;
};

/** The Merkle log's check (h/log's verifyLog), passed in so this runner does not depend on its keys. */
export type LogCheck = (db: Db) => Promise<CheckReport[]>;

export type VerifyOptions = {
  only?: readonly CheckName[];
  logCheck?: LogCheck;
  state?: VerifyState;
  /** Called after each batch with the state to keep (for resuming) and what that batch found. */
  onProgress?: (state: VerifyState, p: { check: CheckName; examined: number }) => void | Promise<void>;
  now?: () => Date;
};

export async function runVerify(db: Db, store: ObjectStore, opts: VerifyOptions = {}): Promise<VerifyResult> {
  const now = opts.now ?? (() => new Date());
  const state: VerifyState = opts.state ?? { startedAt: now().toISOString(), done: {} };
  const only = new Set(opts.only?.length ? opts.only : checkNames);
  let objectBytesPerSecond: number | undefined;
  const progress = (check: CheckName, examined: number) => opts.onProgress?.(state, { check, examined });

  if ((only.has('log') && !state.done.log) || (only.has('events') && !state.done.events)) {
    // One pass of the log check yields both the log's report and each event against its leaf.
    const fromLog = opts.logCheck ? await opts.logCheck(db) : [];
    if (only.has('log')) {
      state.done.log = merge('log', fromLog.filter((r) => r.check === 'log'));
      await progress('log', state.done.log.examined);
    }
    if (only.has('events')) {
      const logged = merge('event', fromLog.filter((r) => r.check === 'event'));
      const hashes = await verifyEventHashes(db, { unloggedOnly: Boolean(opts.logCheck) });
      // An event the log already names is not named twice.
      const named = new Set(logged.discrepancies.map((d) => d.recordId));
      state.done.events = { check: 'event', examined: Math.max(logged.examined, hashes.examined), discrepancies: [...logged.discrepancies, ...hashes.discrepancies.filter((d) => !named.has(d.recordId))] };
      await progress('events', state.done.events.examined);
    }
  }
  if (only.has('records') && !state.done.records) {
    const from = state.records ?? { kindIndex: 0, examined: 0, discrepancies: [] };
    const r = await verifyRecords(db, {
      startKindIndex: from.kindIndex,
      onProgress: async (p, found) => {
        state.records = { kindIndex: p.kindIndex, examined: from.examined + p.examined, discrepancies: [...(state.records?.discrepancies ?? from.discrepancies), ...found] };
        await progress('records', state.records.examined);
      },
    });
    state.done.records = { check: 'record', examined: from.examined + r.examined, discrepancies: [...from.discrepancies, ...r.discrepancies] };
    delete state.records;
  }
  if (only.has('objects') && !state.done.objects) {
    const from = state.objects ?? { afterKey: '', examined: 0, bytes: 0, discrepancies: [] };
    const r = await verifyObjects(db, store, {
      afterKey: from.afterKey,
      onProgress: async (p, found) => {
        const prev = state.objects ?? from;
        state.objects = { afterKey: p.afterKey, examined: from.examined + p.examined, bytes: from.bytes + p.bytes, discrepancies: [...prev.discrepancies, ...found] };
        await progress('objects', state.objects.examined);
      },
    });
    if (r.seconds > 0 && r.bytes > 0) objectBytesPerSecond = r.bytes / r.seconds;
    state.done.objects = { check: 'object', examined: from.examined + r.examined, discrepancies: [...from.discrepancies, ...r.discrepancies] };
    delete state.objects;
  }
  const reports = checkNames.flatMap((n) => (only.has(n) && state.done[n] ? [state.done[n]] : []));
  return { ok: reports.every((r) => !r.discrepancies.length), startedAt: state.startedAt, finishedAt: now().toISOString(), reports, objectBytesPerSecond };
}

function merge(check: CheckReport['check'], reports: CheckReport[]): CheckReport {
  return { check, examined: reports.reduce((n, r) => Math.max(n, r.examined), 0), discrepancies: reports.flatMap((r) => r.discrepancies) };
}

import type { Config } from '../../../server/config.js';
import { logVerifierKey } from '../log/signing-key.js';
import { verifyLog } from '../log/verify-log.js';
import type { LogCheck } from './run-verify.js';

/**
 * The Merkle log's check with this deployment's verifier key and origin: every checkpoint must be
 * signed by it. The tree is always recomputed from leaf 0: a checkpoint's root holds only for the
 * whole tree up to its size, so there is no sound place to start later (`--resume` skips the log
 * check once a run has finished it).
 */
export function logCheckFor(config: Pick<Config, 'dataDir' | 'log'>, opts: { now?: () => Date; onProgress?: (leaves: number) => void } = {}): LogCheck {
  return (db) => verifyLog(db, { verifierKey: logVerifierKey(config), origin: config.log.origin, now: opts.now?.(), onProgress: opts.onProgress });
}

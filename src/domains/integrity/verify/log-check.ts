import type { Config } from '../../../server/config.js';
import { logVerifierKey } from '../log/signing-key.js';
import { verifyLog } from '../log/verify-log.js';
import type { LogCheck } from './run-verify.js';

/**
 * The Merkle log's check with this deployment's verifier key and origin: every checkpoint must be
 * signed by it. `fromLeaf` is not narrowed yet: the tree is always recomputed from leaf 0 (it is
 * the fast part, ≥ 200,000 leaves/s).
 */
export function logCheckFor(config: Pick<Config, 'dataDir' | 'log'>, opts: { now?: () => Date; onProgress?: (leaves: number) => void } = {}): LogCheck {
  return (db) => verifyLog(db, { verifierKey: logVerifierKey(config), origin: config.log.origin, now: opts.now?.(), onProgress: opts.onProgress });
}

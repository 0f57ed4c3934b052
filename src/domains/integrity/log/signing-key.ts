import { generateKeyPairSync } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Config } from '../../../server/config.js';
import { noteSigner, verifierKey, type NoteSigner } from './signed-note.js';

/** Where the log's private key lives: the configured file, else `<dataDir>/log-signing-key`. */
export const signingKeyPath = (config: Pick<Config, 'dataDir' | 'log'>) => config.log.signingKeyFile ?? join(config.dataDir, 'log-signing-key');

const loaded = new Map<string, NoteSigner>();

/**
 * The log's Ed25519 signer. Generated at first start (PKCS8 PEM, mode 0600) when the file does not
 * exist; `wx` makes a second process starting at the same moment read the first one's key rather
 * than write another. Several nodes must share one key file (LIUHEN_LOG_SIGNING_KEY_FILE).
 */
export function logSigner(config: Pick<Config, 'dataDir' | 'log'>): NoteSigner {
  const path = signingKeyPath(config);
  const cached = loaded.get(`${path}\n${config.log.origin}`);
  if (cached) return cached;
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const { privateKey } = generateKeyPairSync('ed25519');
    mkdirSync(dirname(path), { recursive: true });
    try {
      writeFileSync(path, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
      chmodSync(path, 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    pem = readFileSync(path, 'utf8');
  }
  const signer = noteSigner(config.log.origin, pem);
  loaded.set(`${path}\n${config.log.origin}`, signer);
  return signer;
}

export const logVerifierKey = (config: Pick<Config, 'dataDir' | 'log'>) => {
  const s = logSigner(config);
  return verifierKey(s.name, s.publicKey);
};

import { randomBytes } from 'node:crypto';
import { sha256Hex } from '../../shared/canonical-json.js';

/** 256-bit random values, base64url: session ids, CSRF tokens, API tokens. */
export const randomToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => sha256Hex(token);

export const apiTokenPrefix = 'lht_';
export const newApiToken = () => `${apiTokenPrefix}${randomToken()}`;

/** A readable initial password: 16 chars from an alphabet without look-alikes, plus digits. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 12; i++) out += alphabet[bytes[i]! % alphabet.length];
  for (let i = 12; i < 16; i++) out += String(bytes[i]! % 10);
  return out;
}

import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointBody } from '../log/checkpoint-text.js';
import { noteSigner, signNote, verifierKey } from '../log/signed-note.js';
import { openCheckpoint } from './log-checkpoint.js';

// A log key whose verifier key's base64 holds a '+' (about half of all keys): the witness must
// still open its checkpoints — this once failed at random, one test run in two.
function logKeyWithPlus() {
  for (;;) {
    const pem = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const signer = noteSigner('liuhen.test/log', pem);
    const vkey = verifierKey(signer.name, signer.publicKey);
    if (vkey.split('+').length > 3) return { signer, vkey };
  }
}

describe('INT-1 the witness opens the log checkpoint', () => {
  const { signer, vkey } = logKeyWithPlus();
  const root = Buffer.alloc(32, 7);
  const note = signNote(checkpointBody(signer.name, 42, root), signer);

  it('verifies the log signature and parses origin, size and root, also when the key has a "+"', () => {
    const opened = openCheckpoint(note, vkey);
    expect(opened).toMatchObject({ ok: true, checkpoint: { origin: 'liuhen.test/log', treeSize: 42, body: checkpointBody(signer.name, 42, root) } });
  });

  it('refuses a changed body, another key, and a note without signature', () => {
    expect(openCheckpoint(note.replace('\n42\n', '\n43\n'), vkey).ok).toBe(false);
    expect(openCheckpoint(note, logKeyWithPlus().vkey).ok).toBe(false);
    expect(openCheckpoint(checkpointBody(signer.name, 42, root), vkey).ok).toBe(false);
  });
});

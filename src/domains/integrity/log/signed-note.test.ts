import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointBody, parseCheckpointBody } from './checkpoint-text.js';
import { noteSigner, openNote, parseVerifierKey, signNote, verifierKey } from './signed-note.js';

// The example of golang.org/x/mod/sumdb/note (note.go, note_test.go). Ed25519 is deterministic,
// so producing Go's note byte for byte from Go's key proves the format, not just a round trip.
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const GO_NOTE = `${GO_TEXT}\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('INT-1 signed notes and checkpoints (C2SP, Go sumdb/note format)', () => {
  it("signs Go's example note byte for byte and derives Go's verifier key", () => {
    const signer = noteSigner('PeterNeumann', GO_SKEY);
    expect(verifierKey(signer.name, signer.publicKey)).toBe(GO_VKEY);
    expect(signNote(GO_TEXT, signer)).toBe(GO_NOTE);
    expect(openNote(GO_NOTE, GO_VKEY)).toBe(GO_TEXT);
  });

  it("reads verifier keys whose base64 contains '+' (transparency-dev/formats' TEST key)", () => {
    expect(parseVerifierKey('TEST+7997405c+AQcC+FTVKf0jlTdHDY3rbevmnKxxPjigCXlVtGe6RIr6')).not.toBeNull();
    for (let i = 0; i < 20; i++) {
      const s = noteSigner('liuhen.local/log', generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
      expect(openNote(signNote('liuhen.local/log\n1\nAAAA\n', s), verifierKey(s.name, s.publicKey))).toBe('liuhen.local/log\n1\nAAAA\n');
    }
  });

  it('refuses a changed text, a changed signature, another key, and malformed notes', () => {
    expect(openNote(GO_NOTE.replace('cryptography', 'cryptographY'), GO_VKEY)).toBeNull();
    expect(openNote(GO_NOTE.replace('x08go', 'x08gp'), GO_VKEY)).toBeNull();
    const other = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const s2 = noteSigner('PeterNeumann', other);
    expect(openNote(GO_NOTE, verifierKey(s2.name, s2.publicKey))).toBeNull();
    expect(openNote(GO_TEXT, GO_VKEY)).toBeNull();
    expect(parseVerifierKey(GO_VKEY.replace('c74f20a3', 'c74f20a4'))).toBeNull();
    expect(() => noteSigner('Someone', GO_SKEY)).toThrow();
  });

  it('writes and reads the tlog-checkpoint body: origin, size, base64 root', () => {
    const root = Buffer.alloc(32, 7);
    const body = checkpointBody('liuhen.example.gov.cn/log', 812, root);
    expect(body).toBe(`liuhen.example.gov.cn/log\n812\n${root.toString('base64')}\n`);
    expect(parseCheckpointBody(body)).toEqual({ origin: 'liuhen.example.gov.cn/log', size: 812, root });
    expect(parseCheckpointBody(body.replace('812', '0812'))).toBeNull();
    expect(parseCheckpointBody('x\n1\nAAAA\n')).toBeNull();
  });
});

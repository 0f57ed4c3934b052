import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { logSigner, logVerifierKey, signingKeyPath } from '../../src/domains/integrity/log/signing-key.js';
import { loadConfig } from '../../src/server/config.js';

// INT-1: the log's key is made at first start (0600, in the data folder) unless configured; the
// origin names the deployment. A Go note private key is accepted as the configured key.
describe('INT-1 the log signing key and origin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liuhen-logkey-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('INT-1 the origin comes from LIUHEN_LOG_ORIGIN, else the public URL host, else liuhen.local/log', () => {
    expect(loadConfig({ LIUHEN_DATA_DIR: dir }).log.origin).toBe('liuhen.local/log');
    expect(loadConfig({ LIUHEN_DATA_DIR: dir, LIUHEN_PUBLIC_URL: 'https://zf.example.gov.cn:8443/' }).log.origin).toBe('zf.example.gov.cn:8443/log');
    expect(loadConfig({ LIUHEN_DATA_DIR: dir, LIUHEN_LOG_ORIGIN: 'fs.example/log' }).log.origin).toBe('fs.example/log');
    expect(() => loadConfig({ LIUHEN_DATA_DIR: dir, LIUHEN_LOG_ORIGIN: 'has space' })).toThrow(/LIUHEN_LOG_ORIGIN/);
  });

  it('INT-1 a key is generated once, 0600, in the data folder, and used again', () => {
    const config = loadConfig({ LIUHEN_DATA_DIR: join(dir, 'data') });
    const key = logVerifierKey(config);
    const path = signingKeyPath(config);
    expect(path).toBe(join(dir, 'data', 'log-signing-key'));
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    // Another origin name over the same file: the same key pair, read back rather than made anew.
    const again = loadConfig({ LIUHEN_DATA_DIR: join(dir, 'data'), LIUHEN_LOG_ORIGIN: 'other/log' });
    expect(logSigner(again).publicKey.equals(logSigner(config).publicKey)).toBe(true);
    expect(key).toMatch(/^liuhen\.local\/log\+[0-9a-f]{8}\+/);
  });

  it('INT-1 LIUHEN_LOG_SIGNING_KEY_FILE may hold a Go note private key', () => {
    const file = join(dir, 'go.key');
    writeFileSync(file, 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz\n', { mode: 0o600 });
    const config = loadConfig({ LIUHEN_DATA_DIR: dir, LIUHEN_LOG_ORIGIN: 'PeterNeumann', LIUHEN_LOG_SIGNING_KEY_FILE: file });
    expect(logVerifierKey(config)).toBe('PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW');
  });
});

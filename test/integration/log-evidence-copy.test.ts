import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCheckpointBody } from '../../src/domains/integrity/log/checkpoint-text.js';
import type { InclusionBundle } from '../../src/domains/integrity/log/inclusion-bundle.js';
import { leafHash, verifyInclusion } from '../../src/domains/integrity/log/merkle.js';
import { openNote } from '../../src/domains/integrity/log/signed-note.js';
import { fakeMp4, ingestBytes } from '../support/av-records.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// INT-1, AV-10: the evidence copy carries the inclusion proofs of the record's audit events and
// the signed checkpoint they prove against; a third party checks them with the file alone and
// the log's public key — no access to Liuhen.
describe('INT-1 AV-10 the evidence copy proves its record is in the log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('INT-1 AV-10 log-proofs.json verifies offline: signed checkpoint, each event’s leaf bytes and inclusion path; the ingest event names the original’s SHA-256', async () => {
    const admin = await signInAs(t.app, 'admin', adminPassword);
    const team = await makeEnforcementTeam(t.app, admin);
    const bytes = fakeMp4(20_000, 7);
    const record = await ingestBytes(t, team.agency.id, bytes, { officerId: team.handler.officer.id });
    const handler = client(t.app, await signInAs(t.app, team.handler.user.username, 'User-pass-2026'));
    await handler.patch(`/api/agencies/${team.agency.id}/av-records/${record.id}`, { title: '现场检查' });
    const res = await handler.get(`/api/agencies/${team.agency.id}/av-records/${record.id}/evidence-copy`);
    expect(res.statusCode).toBe(200);
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const bundle = JSON.parse(new TextDecoder().decode(files['log-proofs.json'])) as InclusionBundle;
    const manifest = new TextDecoder().decode(files['manifest-sha256.txt']);
    expect(manifest).toContain(`${createHash('sha256').update(files['log-proofs.json']!).digest('hex')}  log-proofs.json`);

    // The key the bundle names is the log's published one; the checkpoint is signed by it.
    expect(bundle.verifierKey).toBe((await client(t.app, null).get('/api/log/public-key')).json().verifierKey);
    const text = openNote(bundle.checkpoint, bundle.verifierKey);
    expect(text).not.toBeNull();
    const cp = parseCheckpointBody(text!)!;
    expect(cp.size).toBe(bundle.treeSize);
    expect(bundle.notYetLogged).toEqual([]);
    const actions = bundle.proofs.map((p) => JSON.parse(p.leafData).action);
    expect(actions).toEqual(expect.arrayContaining(['av.ingested']));
    expect(bundle.proofs.length).toBeGreaterThanOrEqual(2);
    for (const p of bundle.proofs) {
      expect(verifyInclusion(leafHash(Buffer.from(p.leafData, 'utf8')), p.leafIndex, cp.size, p.hashes.map((h) => Buffer.from(h, 'base64')), cp.root)).toBe(true);
      // One changed byte of the event and the proof no longer holds.
      expect(verifyInclusion(leafHash(Buffer.from(p.leafData.replace('"seq":', '"seq": '), 'utf8')), p.leafIndex, cp.size, p.hashes.map((h) => Buffer.from(h, 'base64')), cp.root)).toBe(false);
    }
    const ingest = JSON.parse(bundle.proofs.find((p) => JSON.parse(p.leafData).action === 'av.ingested')!.leafData);
    expect(ingest.after.objectKey).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

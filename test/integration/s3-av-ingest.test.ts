import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../src/store/s3-object-store.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { cephAvailable, cephS3, freshBucket } from '../support/ceph-s3.js';
import { authHeaders, sampleMp4, sha256, tusUpload } from '../support/ingest.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// AV-3, NFR-2: an AV upload through the app lands on Ceph locked for the agency's retention rule
// (avRetention.minimumYears) counted from the recording, and plays back from there.
describe.skipIf(!cephAvailable())('AV ingest into an S3 bucket with Object Lock (Ceph)', () => {
  let t: TestApp;
  let store: S3ObjectStore;
  let admin: Session;
  let team: Awaited<ReturnType<typeof makeEnforcementTeam>>;
  let endpoint: string;
  let token: string;

  beforeAll(async () => {
    const s3 = await cephS3();
    const bucket = await freshBucket(s3, 'ingest');
    t = await startTestApp({
      LIUHEN_STORE: 's3',
      LIUHEN_S3_ENDPOINT: s3.endpoint,
      LIUHEN_S3_BUCKET: bucket,
      LIUHEN_S3_ACCESS_KEY_ID: s3.accessKeyId,
      LIUHEN_S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
      LIUHEN_S3_FORCE_PATH_STYLE: 'true',
      LIUHEN_S3_RETENTION_YEARS: '25',
    });
    store = t.ctx.store as S3ObjectStore;
    expect(await store.prepare()).toEqual([]);
    const base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    endpoint = `${base}/api/agencies/${team.agency.id}/av/uploads`;
    token = (await client(t.app, team.handler.session).post(`/api/agencies/${team.agency.id}/api-tokens`, { name: '一号采集站' })).json().token;
  }, 200_000);
  afterAll(() => t?.close());

  const upload = (bytes: Buffer, startedAt: string) => tusUpload(endpoint, bytes, { headers: authHeaders({ token }), metadata: { filename: 'clip.mp4', sha256: sha256(bytes), startedAt } });

  it('AV-3 the original is locked until the agency rule\'s years from the recording (S2: 2 years); without a rule, the platform default', async () => {
    const choose = (profileId: string) => client(t.app, admin).post(`/api/agencies/${team.agency.id}/policy/choose`, { profileId, basis: '局务会决定' });
    expect((await choose('s2-guangyang-emergency')).statusCode).toBe(201);
    const ruled = sampleMp4(200_000, 's3-ingest-ruled');
    expect((await upload(ruled, '2026-03-01T01:00:00Z')).status).toBe(204);
    expect(await store.stat(sha256(ruled))).toMatchObject({ size: ruled.length, retention: { mode: 'COMPLIANCE', until: new Date('2028-03-01T01:00:00Z') } });

    expect((await choose('s1-fushun-culture-market')).statusCode).toBe(201); // names no retention
    const unruled = sampleMp4(200_000, 's3-ingest-unruled');
    const res = await upload(unruled, '2026-03-01T02:00:00Z');
    expect(res.status).toBe(204);
    expect((await store.stat(sha256(unruled)))?.retention).toEqual({ mode: 'COMPLIANCE', until: new Date('2051-03-01T02:00:00Z') });

    // Played back from the bucket, by range, byte for byte.
    const part = await t.app.inject({ method: 'GET', url: `/api/agencies/${team.agency.id}/av-records/${res.headers.recordId}/content`, headers: { cookie: team.handler.session.cookie, range: 'bytes=50000-50099' } });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload).toEqual(unruled.subarray(50000, 50100));
  });
});

import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleMp4 } from '../support/ingest.js';
import { setUpIngestAgency, twoProcesses } from '../support/server-process.js';

// INT-1: a viewing opened on one app process covers the Range requests another process serves
// (viewings live in the database). PGlite is single-process, so PostgreSQL only.
const onPostgres = process.env.LIUHEN_TEST_DB === 'postgres';

describe.skipIf(!onPostgres)('INT-1 one playback is one av.played across two app processes', () => {
  const nodes = twoProcesses('viewings');
  afterAll(() => nodes.stop());

  it('INT-1 a viewing opened on process A: 20 Range requests served by process B write nothing more', { timeout: 180_000 }, async () => {
    const { a, b, sql } = await nodes.start();
    const agency = await setUpIngestAgency(a.base);
    const auth = { authorization: `Bearer ${agency.token}` };
    const bytes = sampleMp4(256 * 1024, 'viewing');
    const meta = (k: string, v: string) => `${k} ${Buffer.from(v).toString('base64')}`;
    const created = await fetch(`${a.base}/api/agencies/${agency.agencyId}/av/uploads`, {
      method: 'POST',
      headers: { ...auth, 'tus-resumable': '1.0.0', 'upload-length': String(bytes.length), 'upload-metadata': [meta('filename', 'cam.mp4'), meta('sha256', createHash('sha256').update(bytes).digest('hex')), meta('matterId', agency.matterId)].join(',') },
    });
    expect(created.status).toBe(201);
    const sent = await fetch(`${a.base}${new URL(created.headers.get('location')!, a.base).pathname}`, { method: 'PATCH', headers: { ...auth, 'tus-resumable': '1.0.0', 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body: new Uint8Array(bytes) });
    expect(sent.status).toBe(204);
    const recordId = sent.headers.get('liuhen-av-record-id')!;
    const played = async () => Number((await sql.query(`select count(*) as n from audit_events where action = 'av.played' and object_id = $1`, [recordId])).rows[0].n);

    const record = `/api/agencies/${agency.agencyId}/av-records/${recordId}`;
    const viewing = await fetch(`${a.base}${record}/viewings`, { method: 'POST', headers: auth });
    expect(viewing.status).toBe(201);
    const { id } = (await viewing.json()) as { id: string };
    expect(await played()).toBe(1);
    for (let i = 0; i < 20; i++) {
      const start = i * 10_000;
      const res = await fetch(`${b.base}${record}/content?viewing=${id}`, { headers: { ...auth, range: `bytes=${start}-${start + 9_999}` } });
      expect(res.status).toBe(206);
      expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), bytes.subarray(start, start + 10_000))).toBe(0);
    }
    expect(await played()).toBe(1);
    // Without the viewing, process B records the new playback itself.
    await (await fetch(`${b.base}${record}/content`, { headers: { ...auth, range: 'bytes=0-99' } })).arrayBuffer();
    expect(await played()).toBe(2);
  });
});

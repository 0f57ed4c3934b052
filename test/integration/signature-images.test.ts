import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { unzipSync, strFromU8 } from 'fflate';
import { extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentSignatures } from '../../src/db/schema/index.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { snapshot } from '../support/db-snapshot.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

/** A drawn signature: a real PNG of 120×40 with a few dark strokes. */
function drawnPng() {
  const png = new PNG({ width: 120, height: 40 });
  png.data.fill(0xff);
  for (let x = 10; x < 110; x++) png.data.writeUInt32BE(0x000000ff, (20 * 120 + x) * 4);
  return PNG.sync.write(png);
}
const dataUrl = (b: Buffer) => `data:image/png;base64,${b.toString('base64')}`;
const withBadCrc = () => {
  const b = Buffer.from(drawnPng());
  b[29] = b[29]! ^ 0xff; // IHDR's CRC: the header checks out, the chunk does not
  return b;
};

// Issue 10: "a drawn signature whose PNG has a bad chunk CRC is accepted, after which that
// document's PDF answers 500 for ever (signatures are append-only)" (DOC-3, NFR-1).
describe('DOC-3 signature images are decoded before they are kept; a stored bad one renders marked', () => {
  let t: TestApp;
  let team: Team;
  let docId: string;
  const as = () => client(t.app, team.handler.session);
  const docs = () => `/api/agencies/${team.agency.id}/documents`;

  beforeAll(async () => {
    t = await startTestApp();
    team = await makeEnforcementTeam(t.app, await signInAs(t.app, 'admin', adminPassword));
    const base = `/api/agencies/${team.agency.id}/matters`;
    const matterId = (await as().post(base, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json().id;
    await as().post(`${base}/${matterId}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() });
    const stepId = (await as().post(`${base}/${matterId}/steps`, { step: 'seizure', occurredAt: t.clock.now().toISOString(), note: '现场扣押', details: SEIZURE_FACTS })).json().id;
    const doc = await as().post(`${base}/${matterId}/documents`, { typeId: 'seizure_decision', stepId, fields: { reason: '初稿' } });
    expect(doc.statusCode, doc.body).toBe(201);
    docId = doc.json().id;
  });
  afterAll(() => t.close());

  it('DOC-3 a drawn PNG with a bad chunk CRC, or a PNG header followed by HTML, is 400 and nothing is kept', async () => {
    const good = await as().post(`${docs()}/${docId}/signatures`, { role: 'party', signerName: '赵某', method: 'drawn', imageDataUrl: dataUrl(drawnPng()) });
    expect(good.statusCode, good.body).toBe(201);
    const before = await snapshot(t.ctx.db);
    const rowsBefore = await t.ctx.db.select().from(documentSignatures);
    for (const bytes of [withBadCrc(), Buffer.concat([drawnPng().subarray(0, 33), Buffer.from('<html><script>alert(1)</script></html>'.repeat(10))])]) {
      const res = await as().post(`${docs()}/${docId}/signatures`, { role: 'party', signerName: '钱某', method: 'drawn', imageDataUrl: dataUrl(bytes) });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('无法解码') });
    }
    expect(await snapshot(t.ctx.db)).toEqual(before);
    expect(await t.ctx.db.select().from(documentSignatures)).toHaveLength(rowsBefore.length);
  });

  it('DOC-5 a scan is typed by structure: a JPEG or %PDF header followed by HTML is 415; a real JPEG is kept', async () => {
    const html = Buffer.from('<html><script>alert(document.cookie)</script></html>'.repeat(20));
    const scan = (bytes: Buffer) => as().post(`${docs()}/${docId}/attachments`, { kind: 'signed_scan', fileName: '回证.jpg', dataBase64: bytes.toString('base64') });
    const before = await snapshot(t.ctx.db);
    for (const fake of [Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), html]), Buffer.concat([Buffer.from('%PDF-1.7\n'), html])]) {
      const res = await scan(fake);
      expect(res.statusCode, res.body).toBe(415);
      expect(res.json()).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('扫描件') });
    }
    expect(await snapshot(t.ctx.db)).toEqual(before);
    const photo = Buffer.from(jpeg.encode({ data: Buffer.alloc(64 * 48 * 4, 0x90), width: 64, height: 48 }, 85).data);
    expect((await scan(photo)).statusCode).toBe(201);
  });

  it('DOC-3 a bad signature stored before the check renders as 「签名图像无法显示」 in PDF, DOCX and HTML, not a 500', async () => {
    // As kept by an earlier version: the object and the append-only row, written behind the API.
    const stored = await t.ctx.store.put(withBadCrc());
    await t.ctx.db.insert(documentSignatures).values({ documentId: docId, role: 'party', signerName: '孙某', method: 'drawn', objectKey: stored.key, signedAt: t.clock.now(), recordedByName: '旧版本' });
    const pdf = await as().get(`${docs()}/${docId}/pdf`);
    expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
    expect((await extractText(new Uint8Array(pdf.rawPayload), { mergePages: true })).text).toContain('签名图像无法显示');
    const docx = await as().get(`${docs()}/${docId}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!)).toContain('签名图像无法显示');
    const html = await as().get(`${docs()}/${docId}/print`);
    expect(html.statusCode).toBe(200);
    expect(html.body).toContain('签名图像无法显示');
  });
});

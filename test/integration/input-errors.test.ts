import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs } from '../support/http-client.js';
import { snapshot } from '../support/db-snapshot.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
const chinese = /[\u4e00-\u9fff]/;
const englishWord = /\b(?:string|number|object|array|boolean|expected|received|Invalid|required|Body|JSON but)\b/;

/** Every refusal: a 4xx, a stable code and a message a Chinese reader can read. */
function expectRefusal(res: { statusCode: number; body: string }, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  const body = JSON.parse(res.body) as { code: string; message: string };
  expect(body.code).toMatch(/^[A-Z_]+$/);
  if (code) expect(body.code).toBe(code);
  expect(body.message).toMatch(chinese);
  expect(body.message).not.toMatch(englishWord);
  return body;
}

// Issue 10 "5xx on bad input" and "errors below the application carry no code and no Chinese"
// (NFR-1, INT-2): each case answered 500 or English text on main.
describe('bad input below and at the door: a 4xx with a code and a Chinese message (NFR-1)', () => {
  let t: TestApp;
  let team: Team;
  let matterId: string;
  let stepId: string;
  const as = () => client(t.app, team.handler.session);

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    const base = `/api/agencies/${team.agency.id}/matters`;
    matterId = (await as().post(base, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json().id;
    stepId = (await as().post(`${base}/${matterId}/steps`, { step: 'emergency_start', occurredAt: t.clock.now().toISOString() })).json().id;
  });
  afterAll(() => t.close());

  it('NFR-1 a NUL byte in a text field, a query or a path is 400 VALIDATION_FAILED and nothing is written', async () => {
    const before = await snapshot(t.ctx.db);
    expectRefusal(await as().post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押\u0000设备', officerIds: [team.handler.officer.id] }), 400, 'VALIDATION_FAILED');
    expectRefusal(await as().post(`/api/agencies/${team.agency.id}/units`, { ['na\u0000me']: 'x', kind: 'section' }), 400, 'VALIDATION_FAILED');
    expectRefusal(await as().get(`/api/agencies/${team.agency.id}/matters?q=a%00b`), 400, 'VALIDATION_FAILED');
    expectRefusal(await as().get(`/api/agencies/${team.agency.id}/matters/a%00b`), 400, 'VALIDATION_FAILED');
    expect(await snapshot(t.ctx.db)).toEqual(before);
  });

  it('NFR-1 JSON nested 5,000 deep in document fields is 400 VALIDATION_FAILED, not a 500', async () => {
    let deep = '"x"';
    for (let i = 0; i < 5000; i++) deep = `{"a":${deep}}`;
    const res = await as().call('POST', `/api/agencies/${team.agency.id}/matters/${matterId}/documents`, `{"typeId":"seizure_decision","stepId":"${stepId}","fields":{"reason":${deep}}}`, { headers: { 'content-type': 'application/json' } });
    expect(expectRefusal(res, 400, 'VALIDATION_FAILED').message).toContain('嵌套过深');
  });

  it('NFR-1 zod messages are wholly Chinese (no "期望 string <=40 字符")', async () => {
    const long = expectRefusal(await as().post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: 5, officerIds: 'x' }), 400, 'VALIDATION_FAILED');
    expect(long.message).toContain('类型不正确');
    const tooLong = expectRefusal(await as().post(`/api/agencies/${team.agency.id}/matters`, { category: 'nope', startRoute: 'emergency', title: 'x'.repeat(500), officerIds: [] }), 400, 'VALIDATION_FAILED');
    expect(tooLong.message).toMatch(/不能超过 \d+ 个字符|取值应为/);
    const res = await as().post(`/api/agencies/${team.agency.id}/matters`, { category: 'coercive_measure', startRoute: 'emergency', title: '', officerIds: ['x'] });
    expectRefusal(res, 400, 'VALIDATION_FAILED');
    for (const issue of (res.json() as { details: { issues: Array<{ message: string }> } }).details.issues) expect(issue.message).not.toMatch(englishWord);
  });

  it('NFR-1 Fastify\'s own errors carry our code and Chinese: URL too long, 400 bad JSON, 415, 413, 404', async () => {
    // Over the router's parameter length: 414, or 404 where the built web app's catch-all route
    // takes the path instead — either way our code and Chinese.
    const long = await as().get(`/api/agencies/${'x'.repeat(300)}/matters`);
    expectRefusal(long, long.statusCode === 404 ? 404 : 414, long.statusCode === 404 ? 'NOT_FOUND' : 'URI_TOO_LONG');
    expectRefusal(await as().call('POST', `/api/agencies/${team.agency.id}/units`, '{"name":', { headers: { 'content-type': 'application/json' } }), 400, 'BAD_REQUEST');
    expectRefusal(await as().call('POST', `/api/agencies/${team.agency.id}/units`, '', { headers: { 'content-type': 'application/json' } }), 400, 'BAD_REQUEST');
    expectRefusal(await as().call('POST', `/api/agencies/${team.agency.id}/units`, '<x/>', { headers: { 'content-type': 'application/xml' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectRefusal(await as().call('POST', `/api/agencies/${team.agency.id}/units`, `{"name":"${'x'.repeat(1_100_000)}"}`, { headers: { 'content-type': 'application/json' } }), 413, 'PAYLOAD_TOO_LARGE');
    expectRefusal(await as().get('/api/no-such-thing'), 404, 'NOT_FOUND');
  });

  it('NFR-1 Node\'s 431 (headers too large) answers our code and Chinese', async () => {
    const base = new URL(await t.app.listen({ port: 0, host: '127.0.0.1' }));
    const res = await new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: base.hostname, port: base.port, path: '/api/health', headers: { 'x-big': 'a'.repeat(64 * 1024) } }, (r) => {
        let body = '';
        r.on('data', (c: Buffer) => (body += c.toString()));
        r.on('end', () => resolve({ statusCode: r.statusCode!, body }));
      });
      req.on('error', reject);
      req.end();
    });
    expectRefusal(res, 431, 'HEADERS_TOO_LARGE');
  });

  describe('tus errors (AV-2)', () => {
    const uploads = () => `/api/agencies/${team.agency.id}/av/uploads`;
    const tus = (extra: Record<string, string>) => ({ headers: { 'tus-resumable': '1.0.0', ...extra } });

    it('AV-2 Upload-Concat is refused with 400 and a code (was 501), nothing is created', async () => {
      const before = await snapshot(t.ctx.db);
      expectRefusal(await as().call('POST', uploads(), undefined, tus({ 'upload-concat': 'partial', 'upload-length': '10' })), 400, 'BAD_REQUEST');
      expectRefusal(await as().call('POST', uploads(), undefined, tus({ 'upload-concat': `final;${uploads()}/a ${uploads()}/b` })), 400, 'BAD_REQUEST');
      expect(await snapshot(t.ctx.db)).toEqual(before);
    });

    it('AV-2 bad tus headers and an Upload-Offset conflict answer our code and Chinese', async () => {
      expectRefusal(await as().call('POST', uploads(), undefined, { headers: { 'upload-length': '10' } }), 412, 'PRECONDITION_FAILED');
      expectRefusal(await as().call('POST', uploads(), undefined, tus({ 'upload-length': 'abc' })), 400, 'BAD_REQUEST');
      expectRefusal(await as().call('POST', uploads(), undefined, tus({ 'upload-length': '10', 'upload-metadata': 'no-base64-here,,' })), 400, 'BAD_REQUEST');
      const created = await as().call('POST', uploads(), undefined, tus({ 'upload-length': '1000' }));
      expect(created.statusCode, created.body).toBe(201);
      const location = created.headers.location as string;
      const offsetConflict = await as().call('PATCH', location, Buffer.alloc(10), tus({ 'upload-offset': '5', 'content-type': 'application/offset+octet-stream' }));
      expectRefusal(offsetConflict, 409, 'CONFLICT');
      expectRefusal(await as().call('PATCH', location, Buffer.alloc(10), tus({ 'upload-offset': '-1', 'content-type': 'application/offset+octet-stream' })), 400, 'BAD_REQUEST');
    });

    it('AV-2 a NUL byte in Upload-Metadata is 400 VALIDATION_FAILED (was 500)', async () => {
      const meta = `filename ${Buffer.from('a\u0000.mp4').toString('base64')},place ${Buffer.from('路口\u0000').toString('base64')}`;
      expectRefusal(await as().call('POST', uploads(), undefined, tus({ 'upload-length': '1000', 'upload-metadata': meta })), 400, 'VALIDATION_FAILED');
    });

    it('AV-2 INT-2 the upload Location comes from configuration, never from the Host header', async () => {
      const created = await as().call('POST', uploads(), undefined, { headers: { 'tus-resumable': '1.0.0', 'upload-length': '1000', host: 'evil.example', 'x-forwarded-host': 'evil.example' } });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.headers.location).toMatch(new RegExp(`^${uploads()}/[0-9a-f]{32}$`));
      const configured = await startTestApp({ LIUHEN_PUBLIC_URL: 'https://liuhen.example.gov.cn/' });
      try {
        const a2 = await signInAs(configured.app, 'admin', adminPassword);
        const team2 = await makeEnforcementTeam(configured.app, a2);
        const res = await client(configured.app, team2.handler.session).call('POST', `/api/agencies/${team2.agency.id}/av/uploads`, undefined, { headers: { 'tus-resumable': '1.0.0', 'upload-length': '1000', host: 'evil.example' } });
        expect(res.headers.location).toMatch(new RegExp(`^https://liuhen\\.example\\.gov\\.cn/api/agencies/${team2.agency.id}/av/uploads/[0-9a-f]{32}$`));
      } finally {
        await configured.close();
      }
    });
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { exampleSeizureDecision, exampleSeizureList } from '../../src/rules/documents/examples.js';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';
import { expectEveryRecordCommitted } from '../support/integrity-deployment.js';
import { SEIZURE_FACTS } from '../support/custody-facts.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
type Doc = { id: string; status: string; version: number; number: string | null; contentHash: string | null; fields: Record<string, unknown> };

// A small valid PNG (40×16, one stroke): signatures are decoded in full before they are kept.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAACgAAAAQCAYAAABk1z2tAAAAPUlEQVR4Ac3BwRGAMAzAMMfX/VcOPLkugKXZF2ESJ3ESJ3ESJ3ESd7jMDH/aXb4Ol92lROIkTuIkTuIk7gElJgodw97dugAAAABJRU5ErkJggg==';

describe('执法文书: drafts, issue, versions, signatures, exports (DOC-1 … DOC-5)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  let matterId: string;
  let seizureStepId: string;
  const as = () => client(t.app, team.handler.session);
  const docs = () => `/api/agencies/${team.agency.id}/documents`;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
    const base = `/api/agencies/${team.agency.id}/matters`;
    matterId = (await as().post(base, { category: 'coercive_measure', startRoute: 'emergency', title: '扣押涉案设备', officerIds: [team.handler.officer.id, team.secondOfficer.id] })).json().id;
    const now = () => t.clock.now().toISOString();
    await as().post(`${base}/${matterId}/steps`, { step: 'emergency_start', occurredAt: now() });
    seizureStepId = (await as().post(`${base}/${matterId}/steps`, { step: 'seizure', occurredAt: now(), note: '现场扣押，提请审批', details: SEIZURE_FACTS })).json().id;
  });
  beforeEach(async () => {
    for (const role of ['handler', 'reviewer', 'approver'] as const) team[role].session = await signInAs(t.app, team[role].user.username, 'User-pass-2026');
  });
  afterAll(() => t.close());

  const draft = async (typeId: string, fields: Record<string, unknown>) => {
    const res = await as().post(`/api/agencies/${team.agency.id}/matters/${matterId}/documents`, { typeId, stepId: seizureStepId, fields });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Doc;
  };

  it('DOC-1 the catalogue lists the document types with their field schemas and standard wording', async () => {
    const types = (await as().get('/api/document-types')).json() as Array<{ id: string; name: string }>;
    expect(types.length).toBeGreaterThanOrEqual(28);
    expect(types.map((x) => x.name)).toEqual(expect.arrayContaining(['立案审批表', '扣押决定书', '扣押清单', '送达回证', '卷内目录']));
    const seizure = (await as().get('/api/document-types/seizure_decision')).json();
    expect(seizure.fields.length).toBeGreaterThan(3);
  });

  it('DOC-4 CASE-4 a draft changes freely; it cannot be issued before its step is approved, nor while incomplete', async () => {
    const doc = await draft('seizure_decision', { reason: '初稿' });
    const edited = await as().patch(`${docs()}/${doc.id}`, { fields: { ...exampleSeizureDecision() } });
    expect(edited.statusCode).toBe(200);
    const early = await as().post(`${docs()}/${doc.id}/issue`);
    expect(early.json()).toMatchObject({ code: 'OUT_OF_ORDER' });
    for (const [who, s] of [['reviewer', team.reviewer], ['approver', team.approver]] as const) {
      const r = await client(t.app, s.session).post(`/api/agencies/${team.agency.id}/matters/${matterId}/steps/${seizureStepId}/decision`, { decision: 'approve', opinion: `${who}同意` });
      expect(r.statusCode, r.body).toBe(200);
    }
    const incomplete = await draft('seizure_decision', { reason: '缺内容' });
    const refused = await as().post(`${docs()}/${incomplete.id}/issue`);
    expect(refused.json().code).toBe('VALIDATION_FAILED');
    expect(refused.json().details.issues.length).toBeGreaterThan(0);
    const issued = await as().post(`${docs()}/${doc.id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json().number).toMatch(/扣字〔2026〕第1号$/);
    expect(issued.json().contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('DOC-4 INT-2 no route changes an issued document; a correction is a new version naming the old and why', async () => {
    const doc = await draft('seizure_list', exampleSeizureList(3));
    const issued = (await as().post(`${docs()}/${doc.id}/issue`)).json() as Doc;
    const attempts = [
      await as().patch(`${docs()}/${doc.id}`, { fields: { custodian: '篡改' } }),
      await as().post(`${docs()}/${doc.id}/issue`),
    ];
    for (const a of attempts) expect(a.json().code).toBe('IMMUTABLE');
    const corrected = await as().post(`${docs()}/${doc.id}/corrections`, { fields: { ...exampleSeizureList(3), custodian: '王建国，保管室' }, reason: '保管人写错' });
    expect(corrected.statusCode).toBe(201);
    expect(corrected.json()).toMatchObject({ version: 2, replacesId: doc.id, correctionReason: '保管人写错', status: 'draft' });
    const again = await as().post(`${docs()}/${doc.id}/corrections`, { fields: {}, reason: '重复更正' });
    expect(again.json().code).toBe('CONFLICT');
    const v2 = (await as().post(`${docs()}/${corrected.json().id}/issue`)).json() as Doc;
    expect(v2.number).toBe(issued.number);
    const detail = (await as().get(`${docs()}/${doc.id}`)).json();
    expect(detail.fields.custodian).toBe(exampleSeizureList(3).custodian);
    expect(detail.contentHash).toBe(issued.contentHash);
    expect(detail.versions.map((v: Doc) => [v.version, v.status])).toEqual([[1, 'issued'], [2, 'issued']]);
  });

  it('DOC-3 the party signs on the tablet; a refusal records its reason and witness; both show in the print view', async () => {
    const doc = await draft('seizure_list', exampleSeizureList(2));
    await as().post(`${docs()}/${doc.id}/issue`);
    const drawn = await as().post(`${docs()}/${doc.id}/signatures`, { role: 'party', signerName: '赵某', method: 'drawn', imageDataUrl: `data:image/png;base64,${PNG}` });
    expect(drawn.statusCode, drawn.body).toBe(201);
    const noReason = await as().post(`${docs()}/${doc.id}/signatures`, { role: 'party', signerName: '钱某', method: 'refused' });
    expect(noReason.statusCode).toBe(400);
    const refused = await as().post(`${docs()}/${doc.id}/signatures`, { role: 'party', signerName: '钱某', method: 'refused', refusalReason: '对扣押有异议', witnessName: '孙某（村委会）' });
    expect(refused.statusCode).toBe(201);
    const fake = await as().post(`${docs()}/${doc.id}/signatures`, { role: 'party', signerName: '假', method: 'drawn', imageDataUrl: `data:image/png;base64,${Buffer.from('not a png at all, just text pretending to be one '.repeat(4)).toString('base64')}` });
    expect(fake.json().code).toBe('VALIDATION_FAILED');
    const image = await as().get(`${docs()}/${doc.id}/signatures/${drawn.json().id}/image`);
    expect(image.headers['content-type']).toBe('image/png');
    expect(image.rawPayload.toString('base64')).toBe(PNG);
    const listed = (await as().get(`/api/agencies/${team.agency.id}/matters/${matterId}/documents`)).json();
    expect(listed.map((d: Doc) => d.id)).toContain(doc.id);
    const html = (await as().get(`${docs()}/${doc.id}/print`)).body;
    expect(html).toContain('data:image/png;base64,');
    expect(html).toContain('对扣押有异议');
    expect(html).toContain('孙某');
  });

  it('DOC-5 a scan of the signed paper is kept as an attachment; DOCX and PDF export', async () => {
    const doc = await draft('seizure_list', exampleSeizureList(2));
    const pdfBytes = Buffer.from('%PDF-1.4\n% scanned signed paper\n%%EOF\n');
    const att = await as().post(`${docs()}/${doc.id}/attachments`, { kind: 'signed_scan', fileName: '../../扣押清单签字版.pdf', dataBase64: pdfBytes.toString('base64') });
    expect(att.statusCode, att.body).toBe(201);
    expect(att.json()).toMatchObject({ mediaType: 'application/pdf', fileName: '.._.._扣押清单签字版.pdf' });
    const exe = await as().post(`${docs()}/${doc.id}/attachments`, { kind: 'signed_scan', fileName: 'x.pdf', dataBase64: Buffer.from('MZ not a pdf').toString('base64') });
    expect(exe.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const docx = await as().get(`${docs()}/${doc.id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await as().get(`${docs()}/${doc.id}/pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('DOC-1 a document of another category or step is refused', async () => {
    const res = await as().post(`/api/agencies/${team.agency.id}/matters/${matterId}/documents`, { typeId: 'licence_grant_decision', fields: {} });
    expect(res.json().code).toBe('VALIDATION_FAILED');
    const wrongStep = await as().post(`/api/agencies/${team.agency.id}/matters/${matterId}/documents`, { typeId: 'questioning_record', stepId: seizureStepId, fields: {} });
    expect(wrongStep.json().message).toContain('不是此环节的文书');
  });

  it('INT-1 INT-2 every documents record made or changed above matches its latest commitment (liuhen verify finds nothing)', async () => {
    await expectEveryRecordCommitted(t);
  });
});

import { expect } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { exampleSeizureDecision, exampleSeizureList } from '../../src/rules/documents/examples.js';
import { fakeMp4, ingestBytes } from './av-records.js';
import { makeEnforcementTeam } from './factories.js';
import { client, signInAs } from './http-client.js';
import { adminPassword, type TestApp } from './test-app.js';
import { SEIZURE_FACTS } from './custody-facts.js';

// A small deployment with something of every immutable kind, made through the API as people
// would: matters with recorded and approved steps, issued documents with a signature and a scan,
// AV originals, a policy version and a calendar notice. The integrity tests verify it untouched
// and then tamper with it.

export const PNG = 'iVBORw0KGgoAAAANSUhEUgAAACgAAAAQCAYAAABk1z2tAAAAPUlEQVR4Ac3BwRGAMAzAMMfX/VcOPLkugKXZF2ESJ3ESJ3ESJ3ESd7jMDH/aXb4Ol92lROIkTuIkTuIk7gElJgodw97dugAAAABJRU5ErkJggg==';

export type IntegrityDeployment = Awaited<ReturnType<typeof buildIntegrityDeployment>>;

export async function buildIntegrityDeployment(t: TestApp) {
  const admin = await signInAs(t.app, 'admin', adminPassword);
  const team = await makeEnforcementTeam(t.app, admin);
  const agencyId = team.agency.id;
  const as = client(t.app, team.handler.session);
  const ok = (res: { statusCode: number; body: string }) => {
    expect([200, 201], res.body).toContain(res.statusCode);
    return JSON.parse(res.body) as { id: string } & Record<string, unknown>;
  };
  const now = () => t.clock.now().toISOString();
  ok(await client(t.app, admin).post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '局务会决定采用' }));
  ok(await client(t.app, admin).post('/api/calendar/notices', { notice: { year: 2031, holidays: [{ name: '春节', start: '2031-01-22', end: '2031-01-28' }], makeUpWorkdays: [] }, basis: '国办发明电〔2030〕7号' }));

  const matters = `/api/agencies/${agencyId}/matters`;
  const matterIds: string[] = [];
  const stepIds: string[] = [];
  const documentIds: string[] = [];
  for (let i = 0; i < 2; i++) {
    const matterId = ok(await as.post(matters, { category: 'coercive_measure', startRoute: 'emergency', title: `扣押涉案设备${i}`, officerIds: [team.handler.officer.id, team.secondOfficer.id] })).id;
    matterIds.push(matterId);
    stepIds.push(ok(await as.post(`${matters}/${matterId}/steps`, { step: 'emergency_start', occurredAt: now(), note: '现场发现违法行为' })).id);
    const seizure = ok(await as.post(`${matters}/${matterId}/steps`, { step: 'seizure', occurredAt: now(), note: '现场扣押，提请审批', details: SEIZURE_FACTS })).id;
    stepIds.push(seizure);
    for (const who of [team.reviewer, team.approver]) ok(await client(t.app, who.session).post(`${matters}/${matterId}/steps/${seizure}/decision`, { decision: 'approve', opinion: '同意' }));
    const docs = `/api/agencies/${agencyId}/documents`;
    for (const [typeId, fields] of [['seizure_decision', exampleSeizureDecision()], ['seizure_list', exampleSeizureList(2)]] as const) {
      const doc = ok(await as.post(`${matters}/${matterId}/documents`, { typeId, stepId: seizure, fields }));
      ok(await as.post(`${docs}/${doc.id}/issue`));
      documentIds.push(doc.id);
    }
    ok(await as.post(`${docs}/${documentIds.at(-1)}/signatures`, { role: 'party', signerName: '赵某', method: 'drawn', imageDataUrl: `data:image/png;base64,${PNG}` }));
    const scan = Buffer.from(`%PDF-1.4\n% scanned signed paper ${i}\n%%EOF\n`);
    ok(await as.post(`${docs}/${documentIds.at(-1)}/attachments`, { kind: 'signed_scan', fileName: `扣押清单签字版${i}.pdf`, dataBase64: scan.toString('base64') }));
  }
  const avRecords = [];
  for (let i = 0; i < 3; i++) avRecords.push(await ingestBytes(t, agencyId, fakeMp4(4096 + i * 1000, i + 1), { matterId: matterIds[0] }));
  return { admin, team, agencyId, matterIds, stepIds, documentIds, avRecords };
}

/**
 * INT-1, INT-2: after a test file's flows, every immutable record they made or changed matches
 * the latest commitment to it, and every event its hash — no use case forgot to commit.
 */
export async function expectEveryRecordCommitted(t: TestApp) {
  const { runVerify } = await import('../../src/domains/integrity/verify/run-verify.js');
  const result = await runVerify(t.ctx.db, t.ctx.store, { only: ['events', 'records', 'objects'] });
  expect(result.reports.flatMap((r) => r.discrepancies)).toEqual([]);
  expect(result.reports.find((r) => r.check === 'record')!.examined).toBeGreaterThan(0);
}

/**
 * How an insider reaches the database: as its owner (the superuser) — on PostgreSQL the app may
 * run as a least-privileged role that cannot switch triggers off, so tampering goes through the
 * owner's connection when the harness has one.
 */
export const insiderUrl = (t: TestApp) => t.ownerUrl ?? t.ctx.config.databaseUrl;
export const insiderDb = (t: TestApp): Db => t.ownerDb;

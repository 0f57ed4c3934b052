import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgencyAbilities } from '../../src/domains/auth/abilities.js';
import { client } from '../support/http-client.js';
import { makeRoleActors, type Caller, type RoleActor } from '../support/role-actors.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type PlatformAbility = 'createAgency' | 'enterCalendarNotice' | 'viewAllAudit' | 'manageWitnesses' | 'verifyIntegrity';
type Governs = 'public' | 'signedIn' | keyof AgencyAbilities | `platform.${PlatformAbility}`;
type Me = { abilities: { platform: Record<PlatformAbility, boolean>; agencies: Record<string, AgencyAbilities>; otherAgencies: AgencyAbilities } };

// STYLE habit 13, ORG-3: the web app shows what /api/auth/me's abilities say; this checks that
// they say exactly what the routes allow. Each route names the ability that governs it; every
// route is then called as every caller of the role matrix, and it must refuse (401/403) exactly
// when that caller's ability is false.
const governs: Record<string, Governs> = {
  'GET /api/health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /api/meta': 'public',
  'POST /api/auth/sign-in': 'public',
  'GET /api/log/public-key': 'public',
  'GET /api/log/checkpoint': 'public',
  'GET /api/log/checkpoint.txt': 'public',
  'GET /api/log/checkpoints': 'public',
  'GET /api/log/proofs/inclusion': 'public',
  'GET /api/log/proofs/consistency': 'public',
  'GET /api/log/leaves/:leafIndex': 'public',
  'GET /api/log/witnesses': 'public',
  'POST /api/log/witnesses': 'platform.manageWitnesses',
  'POST /api/log/cosignatures': 'public',
  'GET /api/log/cosignatures': 'public',
  'GET /api/log/cosigned-checkpoint.txt': 'public',
  'POST /api/auth/sign-out': 'signedIn',
  'GET /api/auth/me': 'signedIn',
  'POST /api/auth/password': 'signedIn',
  'GET /api/agencies': 'signedIn',
  'POST /api/agencies': 'platform.createAgency',
  'GET /api/agencies/:agencyId': 'readAgency',
  'PATCH /api/agencies/:agencyId': 'administerAgency',
  'GET /api/agencies/:agencyId/units': 'readAgency',
  'POST /api/agencies/:agencyId/units': 'administerAgency',
  'PATCH /api/agencies/:agencyId/units/:unitId': 'administerAgency',
  'GET /api/agencies/:agencyId/officers': 'readAgency',
  'POST /api/agencies/:agencyId/officers': 'administerAgency',
  'PATCH /api/agencies/:agencyId/officers/:officerId': 'administerAgency',
  'GET /api/agencies/:agencyId/users': 'administerAgency',
  'POST /api/agencies/:agencyId/users': 'administerAgency',
  'PATCH /api/agencies/:agencyId/users/:userId': 'administerAgency',
  'PUT /api/agencies/:agencyId/users/:userId/roles': 'administerAgency',
  'POST /api/agencies/:agencyId/users/:userId/password': 'administerAgency',
  'GET /api/agencies/:agencyId/api-tokens': 'listOwnApiTokens',
  'POST /api/agencies/:agencyId/api-tokens': 'createApiTokens',
  'POST /api/agencies/:agencyId/api-tokens/:tokenId/revoke': 'revokeApiTokens',
  'GET /api/agencies/:agencyId/service-accounts': 'manageServiceAccounts',
  'POST /api/agencies/:agencyId/service-accounts': 'manageServiceAccounts',
  'PATCH /api/agencies/:agencyId/service-accounts/:userId': 'manageServiceAccounts',
  'GET /api/audit-events': 'viewAudit', // called with ?agencyId=A
  'GET /api/audit-actions': 'signedIn',
  'GET /api/policy-profiles': 'signedIn',
  'GET /api/policy-profiles/:profileId': 'signedIn',
  'GET /api/agencies/:agencyId/policy': 'readPolicy',
  'GET /api/agencies/:agencyId/policy/versions': 'readPolicy',
  'GET /api/agencies/:agencyId/policy/versions/:version': 'readPolicy',
  'POST /api/agencies/:agencyId/policy/choose': 'changePolicy',
  'POST /api/agencies/:agencyId/policy/adjust': 'changePolicy',
  'GET /api/agencies/:agencyId/policy/checklist.csv': 'readPolicy',
  'GET /api/calendar/years/:year': 'signedIn',
  'GET /api/calendar/notices': 'signedIn',
  'POST /api/calendar/notices': 'platform.enterCalendarNotice',
  'POST /api/integrity/verify-runs': 'platform.verifyIntegrity',
  'GET /api/integrity/verify-runs/latest': 'platform.verifyIntegrity',
  'GET /api/agencies/:agencyId/findings': 'readFindings',
  'POST /api/agencies/:agencyId/findings/reevaluate': 'reevaluateFindings',
  'GET /api/agencies/:agencyId/matters': 'readMatters',
  'GET /api/agencies/:agencyId/matters/count': 'readMatters',
  'POST /api/agencies/:agencyId/matters': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId': 'readMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/timeline': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/steps': 'workOnMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/steps/:stepId/decision': 'workOnMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/steps/:stepId/resubmit': 'workOnMatters',
  'GET /api/agencies/:agencyId/approvals/queue': 'readMatters',
  'GET /api/agencies/:agencyId/approvals/returned': 'readMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/steps/:stepId/approvals/:approvalId/signature': 'readMatters',
  'GET /api/document-types': 'signedIn',
  'GET /api/document-types/:typeId': 'signedIn',
  'POST /api/agencies/:agencyId/matters/:matterId/documents': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/documents': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/services': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/services': 'readMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/party-deadlines': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/payments': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/payments': 'readMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/deadlines': 'readMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/statements': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/statements': 'workOnMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/statements/:recordId/review': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/hearing-requests': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/hearing-requests': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/hearings': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/hearings': 'workOnMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/hearings/:recordId/held': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/recusal-requests': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/recusal-requests': 'workOnMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/recusal-requests/:recordId/decision': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/refusals': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/refusals': 'workOnMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/rights': 'readMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/closing-readiness': 'readMatters',
  'GET /api/agencies/:agencyId/documents/:documentId': 'readMatters',
  'PATCH /api/agencies/:agencyId/documents/:documentId': 'workOnMatters',
  'POST /api/agencies/:agencyId/documents/:documentId/issue': 'workOnMatters',
  'POST /api/agencies/:agencyId/documents/:documentId/corrections': 'workOnMatters',
  'POST /api/agencies/:agencyId/documents/:documentId/signatures': 'workOnMatters',
  'POST /api/agencies/:agencyId/documents/:documentId/attachments': 'workOnMatters',
  'GET /api/agencies/:agencyId/documents/:documentId/print': 'readMatters',
  'GET /api/agencies/:agencyId/documents/:documentId/docx': 'readMatters',
  'GET /api/agencies/:agencyId/documents/:documentId/pdf': 'readMatters',
  'GET /api/agencies/:agencyId/documents/:documentId/signatures/:signatureId/image': 'readMatters',
  'GET /api/agencies/:agencyId/av-records': 'readAv',
  'GET /api/agencies/:agencyId/av-records/:recordId': 'readAv',
  'PATCH /api/agencies/:agencyId/av-records/:recordId': 'workOnAv',
  'POST /api/agencies/:agencyId/av-records/:recordId/bookmarks': 'workOnAv',
  'POST /api/agencies/:agencyId/av-records/:recordId/viewings': 'readAv',
  'GET /api/agencies/:agencyId/av-records/:recordId/content': 'readAv',
  'GET /api/agencies/:agencyId/av-records/:recordId/evidence-copy': 'workOnAv',
  'GET /api/agencies/:agencyId/av-records/:recordId/derivatives/:derivativeId': 'readAv',
  'GET /api/agencies/:agencyId/matters/:matterId/av-interruptions': 'readAv',
  'POST /api/agencies/:agencyId/av-interruptions': 'workOnAv',
  'POST /api/agencies/:agencyId/av/uploads': 'uploadAv',
  'PATCH /api/agencies/:agencyId/av/uploads/:uploadId': 'uploadAv',
  'DELETE /api/agencies/:agencyId/av/uploads/:uploadId': 'uploadAv',
  'GET /api/agencies/:agencyId/av/uploads/:uploadId': 'uploadAv',
  'GET /api/agencies/:agencyId/legal-review/list': 'readMatters',
  'PUT /api/agencies/:agencyId/legal-review/list': 'changeMajorList',
  'GET /api/agencies/:agencyId/legal-review/staffing': 'readMatters',
  'GET /api/agencies/:agencyId/legal-reviews': 'readMatters',
  'GET /api/agencies/:agencyId/legal-reviews/:reviewId': 'readMatters',
  'GET /api/agencies/:agencyId/matters/:matterId/legal-review': 'readMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/legal-review/assessment': 'workOnMatters',
  'POST /api/agencies/:agencyId/matters/:matterId/legal-review/submissions': 'workOnMatters',
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/messages': 'readMatters',
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/extension': 'approveLegalReviewExtension',
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/decision': 'decideLegalReview',
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/discussion': 'workOnMatters',
};

describe('ORG-3 abilities in /api/auth/me match what the routes allow', () => {
  let t: TestApp;
  let agencyA: string;
  let callers: Map<RoleActor, Caller>;
  const abilities = new Map<RoleActor, Me['abilities'] | null>();

  beforeAll(async () => {
    t = await startTestApp();
    ({ agencyA, callers } = await makeRoleActors(t.app));
    for (const [actor, who] of callers) abilities.set(actor, who ? ((await client(t.app, who).get('/api/auth/me')).json() as Me).abilities : null);
  });
  afterAll(() => t.close());

  const allowed = (actor: RoleActor, rule: Governs) => {
    const a = abilities.get(actor);
    if (rule === 'public') return true;
    if (!a) return false;
    if (rule === 'signedIn') return true;
    if (rule.startsWith('platform.')) return a.platform[rule.slice('platform.'.length) as PlatformAbility];
    return (a.agencies[agencyA] ?? a.otherAgencies)[rule as keyof AgencyAbilities];
  };

  it('ORG-3 every registered route names the ability that governs it', () => {
    expect(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort()).toEqual(Object.keys(governs).sort());
  });

  it('ORG-3 each role has the abilities its roles give, in its own agency only', () => {
    const of = (actor: RoleActor) => abilities.get(actor)!;
    expect(of('handlerA').agencies[agencyA]).toMatchObject({ readMatters: true, workOnMatters: true, decideReviewStage: false, administerAgency: false, uploadAv: true });
    expect(of('reviewerA').agencies[agencyA]).toMatchObject({ decideReviewStage: true, decideApprovalStage: false });
    expect(of('supervisorA').agencies[agencyA]).toMatchObject({ readMatters: true, workOnMatters: false, viewAudit: true });
    expect(of('adminB').agencies[agencyA]).toBeUndefined();
    expect(Object.values(of('adminB').otherAgencies).every((v) => v === false)).toBe(true);
    expect(of('platform').otherAgencies).toMatchObject({ readAgency: true, administerAgency: true, workOnMatters: false });
    expect(of('platform').platform).toEqual({ createAgency: true, viewAllAudit: true, enterCalendarNotice: true, manageWitnesses: true, verifyIntegrity: true });
  });

  it('ORG-3 every route refuses exactly the callers whose ability is false', async () => {
    const routes = [...t.app.apiRoutes].sort((a, b) => Number(a.url === '/api/auth/sign-out') - Number(b.url === '/api/auth/sign-out'));
    const mismatches: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      let url = route.url.replace(':agencyId', agencyA).replace(':year', '2026').replace(':version', '1').replace(/:[A-Za-z]+/g, () => randomUUID());
      if (route.url === '/api/audit-events') url += `?agencyId=${agencyA}`;
      for (const [actor, who] of callers) {
        const res = await client(t.app, who).call(route.method as 'GET', url, route.method === 'GET' ? undefined : {});
        const code = String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as { code?: string }).code : undefined;
        const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED';
        if (refused === allowed(actor, governs[key]!)) mismatches.push(`${key} as ${actor}: ability ${governs[key]} = ${allowed(actor, governs[key]!)}, got ${res.statusCode} ${code ?? ''}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Every route × every caller, one after another: it grows with the API (as role-matrix's does).
  }, 180_000);
});

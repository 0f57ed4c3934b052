import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roles, type Role } from '../../src/domains/org/roles.js';
import { makeAgency, makeServiceToken, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// ORG-3: every route called as every role (and anonymous) and checked against this table.
// A new route fails the first test until its row is added here: the matrix grows with the API.
// serviceA: a collection station's service account of A (its token): ingest and /me only.
type Actor = 'anonymous' | 'platform' | `${Role}A` | 'adminB' | 'tokenAdminA' | 'serviceA';
const agencyRoles = roles.map((r) => `${r}A` as Actor);
const signedIn: Actor[] = ['platform', ...agencyRoles, 'adminB', 'tokenAdminA'];
const memberOfA: Actor[] = ['platform', ...agencyRoles, 'tokenAdminA'];
const adminOfA: Actor[] = ['platform', 'adminA', 'tokenAdminA'];
// Those who open matters and record their steps (the platform admin operates, it does not enforce).
const workersOfA: Actor[] = ['handlerA', 'reviewerA', 'approverA', 'adminA', 'tokenAdminA'];
// Public routes resolve no caller at all, so a station's token is as good as none there.
const everyone: Actor[] = ['anonymous', ...signedIn, 'serviceA'];
// Tus uploads that become AV records: the workers and A's collection station.
const ingestersOfA: Actor[] = [...workersOfA, 'serviceA'];

const expectations: Record<string, Actor[]> = {
  'GET /api/health': everyone,
  'GET /api/openapi.json': everyone,
  'GET /api/meta': everyone,
  'POST /api/auth/sign-in': everyone,
  'POST /api/auth/sign-out': signedIn,
  'GET /api/auth/me': [...signedIn, 'serviceA'],
  'POST /api/auth/password': signedIn,
  'GET /api/agencies': signedIn,
  'POST /api/agencies': ['platform'],
  'GET /api/agencies/:agencyId': memberOfA,
  'PATCH /api/agencies/:agencyId': adminOfA,
  'GET /api/agencies/:agencyId/units': memberOfA,
  'POST /api/agencies/:agencyId/units': adminOfA,
  'PATCH /api/agencies/:agencyId/units/:unitId': adminOfA,
  'GET /api/agencies/:agencyId/officers': memberOfA,
  'POST /api/agencies/:agencyId/officers': adminOfA,
  'PATCH /api/agencies/:agencyId/officers/:officerId': adminOfA,
  'GET /api/agencies/:agencyId/users': adminOfA,
  'POST /api/agencies/:agencyId/users': adminOfA,
  'PATCH /api/agencies/:agencyId/users/:userId': adminOfA,
  'PUT /api/agencies/:agencyId/users/:userId/roles': adminOfA,
  'POST /api/agencies/:agencyId/users/:userId/password': adminOfA,
  // A person's own tokens; creating one needs a session (a token cannot mint tokens).
  'GET /api/agencies/:agencyId/api-tokens': [...agencyRoles, 'tokenAdminA'],
  'POST /api/agencies/:agencyId/api-tokens': ['platform', ...agencyRoles],
  'POST /api/agencies/:agencyId/api-tokens/:tokenId/revoke': memberOfA,
  'GET /api/agencies/:agencyId/service-accounts': adminOfA,
  'POST /api/agencies/:agencyId/service-accounts': adminOfA,
  'PATCH /api/agencies/:agencyId/service-accounts/:userId': adminOfA,
  // Called with ?agencyId=A; without it only the platform admin may list (checked below).
  'GET /api/audit-events': ['platform', 'adminA', 'supervisorA', 'tokenAdminA'],
  'GET /api/audit-actions': signedIn,
  'GET /api/policy-profiles': signedIn,
  'GET /api/policy-profiles/:profileId': signedIn,
  'GET /api/agencies/:agencyId/policy': memberOfA,
  'GET /api/agencies/:agencyId/policy/versions': memberOfA,
  'GET /api/agencies/:agencyId/policy/versions/:version': memberOfA,
  'POST /api/agencies/:agencyId/policy/choose': adminOfA,
  'POST /api/agencies/:agencyId/policy/adjust': adminOfA,
  'GET /api/agencies/:agencyId/policy/checklist.csv': memberOfA,
  'GET /api/calendar/years/:year': signedIn,
  'GET /api/calendar/notices': signedIn,
  'POST /api/calendar/notices': ['platform'],
  'POST /api/integrity/verify-runs': ['platform'],
  'GET /api/integrity/verify-runs/latest': ['platform'],
  'GET /api/agencies/:agencyId/findings': memberOfA,
  'POST /api/agencies/:agencyId/findings/reevaluate': adminOfA,
  'GET /api/agencies/:agencyId/matters': memberOfA,
  'GET /api/agencies/:agencyId/matters/count': memberOfA,
  'POST /api/agencies/:agencyId/matters': workersOfA,
  'GET /api/agencies/:agencyId/matters/:matterId': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/timeline': memberOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/steps': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/steps/:stepId/decision': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/steps/:stepId/resubmit': workersOfA,
  'GET /api/agencies/:agencyId/approvals/queue': memberOfA,
  'GET /api/document-types': signedIn,
  'GET /api/document-types/:typeId': signedIn,
  'POST /api/agencies/:agencyId/matters/:matterId/documents': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/services': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/payments': workersOfA,
  'GET /api/agencies/:agencyId/documents/:documentId': memberOfA,
  'PATCH /api/agencies/:agencyId/documents/:documentId': workersOfA,
  'POST /api/agencies/:agencyId/documents/:documentId/issue': workersOfA,
  'POST /api/agencies/:agencyId/documents/:documentId/corrections': workersOfA,
  'POST /api/agencies/:agencyId/documents/:documentId/signatures': workersOfA,
  'POST /api/agencies/:agencyId/documents/:documentId/attachments': workersOfA,
  'GET /api/agencies/:agencyId/documents/:documentId/print': memberOfA,
  'GET /api/agencies/:agencyId/documents/:documentId/docx': memberOfA,
  'GET /api/agencies/:agencyId/documents/:documentId/pdf': memberOfA,
  'GET /api/agencies/:agencyId/av-records': memberOfA,
  'GET /api/agencies/:agencyId/av-records/:recordId': memberOfA,
  'PATCH /api/agencies/:agencyId/av-records/:recordId': workersOfA,
  'POST /api/agencies/:agencyId/av-records/:recordId/bookmarks': workersOfA,
  'POST /api/agencies/:agencyId/av-records/:recordId/viewings': memberOfA,
  'GET /api/agencies/:agencyId/av-records/:recordId/content': memberOfA,
  'GET /api/agencies/:agencyId/av-records/:recordId/evidence-copy': workersOfA,
  'GET /api/agencies/:agencyId/av-records/:recordId/derivatives/:derivativeId': memberOfA,
  // tus resumable uploads (HEAD is not listed: the matrix skips HEAD; it shares PATCH's policy).
  'POST /api/agencies/:agencyId/av/uploads': ingestersOfA,
  'PATCH /api/agencies/:agencyId/av/uploads/:uploadId': ingestersOfA,
  'DELETE /api/agencies/:agencyId/av/uploads/:uploadId': ingestersOfA,
  'GET /api/agencies/:agencyId/av/uploads/:uploadId': ingestersOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/av-interruptions': memberOfA,
  'POST /api/agencies/:agencyId/av-interruptions': workersOfA,
  'GET /api/agencies/:agencyId/legal-review/list': memberOfA,
  'PUT /api/agencies/:agencyId/legal-review/list': adminOfA,
  'GET /api/agencies/:agencyId/legal-review/staffing': memberOfA,
  'GET /api/agencies/:agencyId/legal-reviews': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/legal-review': memberOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/legal-review/assessment': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/legal-review/submissions': workersOfA,
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/messages': memberOfA,
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/extension': ['approverA'],
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/decision': ['legal_reviewerA'],
  'POST /api/agencies/:agencyId/legal-reviews/:reviewId/discussion': workersOfA,
  'GET /api/agencies/:agencyId/legal-reviews/:reviewId': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/documents': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/services': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/party-deadlines': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/payments': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/deadlines': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/statements': memberOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/statements': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/statements/:recordId/review': workersOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/hearing-requests': memberOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/hearing-requests': workersOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/hearings': memberOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/hearings': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/hearings/:recordId/held': workersOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/recusal-requests': memberOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/recusal-requests': workersOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/recusal-requests/:recordId/decision': workersOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/refusals': memberOfA,
  'POST /api/agencies/:agencyId/matters/:matterId/refusals': workersOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/rights': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/closing-readiness': memberOfA,
  'GET /api/agencies/:agencyId/documents/:documentId/signatures/:signatureId/image': memberOfA,
  'GET /api/agencies/:agencyId/matters/:matterId/steps/:stepId/approvals/:approvalId/signature': memberOfA,
  'GET /api/agencies/:agencyId/approvals/returned': memberOfA,
  // INT-1: the log's key, checkpoints and proofs are public (a leaf's event data is filtered, not refused).
  'GET /api/log/public-key': everyone,
  'GET /api/log/checkpoint': everyone,
  'GET /api/log/checkpoint.txt': everyone,
  'GET /api/log/checkpoints': everyone,
  'GET /api/log/proofs/inclusion': everyone,
  'GET /api/log/proofs/consistency': everyone,
  'GET /api/log/leaves/:leafIndex': everyone,
  // INT-1 witnesses: who witnesses and what they cosigned is public; a cosignature proves itself.
  'GET /api/log/witnesses': everyone,
  'POST /api/log/witnesses': ['platform'],
  'POST /api/log/cosignatures': everyone,
  'GET /api/log/cosignatures': everyone,
  'GET /api/log/cosigned-checkpoint.txt': everyone,
};

describe('ORG-3 role matrix: every route × every role', () => {
  let t: TestApp;
  let agencyA: string;
  const callers = new Map<Actor, Session | { token: string } | null>();

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await signInAs(t.app, 'admin', adminPassword);
    agencyA = (await makeAgency(t.app, admin)).id;
    const agencyB = (await makeAgency(t.app, admin)).id;
    callers.set('anonymous', null);
    callers.set('platform', admin);
    for (const role of roles) {
      const u = await makeUser(t.app, agencyA, [role], admin);
      callers.set(`${role}A`, await signInAs(t.app, u.username, u.password));
    }
    const b = await makeUser(t.app, agencyB, ['admin'], admin);
    callers.set('adminB', await signInAs(t.app, b.username, b.password));
    const adminA = await makeUser(t.app, agencyA, ['admin'], admin);
    const adminASession = await signInAs(t.app, adminA.username, adminA.password);
    const token = await client(t.app, adminASession).post(`/api/agencies/${agencyA}/api-tokens`, { name: 'matrix' });
    callers.set('tokenAdminA', { token: token.json().token });
    callers.set('serviceA', { token: (await makeServiceToken(t.app, agencyA, adminASession)).token });
  });
  afterAll(() => t.close());

  it('ORG-3 the table names every registered route, no more, no less', () => {
    const registered = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).sort();
    expect(registered).toEqual(Object.keys(expectations).sort());
  });

  it('ORG-3 the audit log across all agencies is for the platform administrator only', async () => {
    for (const [actor, who] of callers) {
      if (!who) continue;
      const res = await client(t.app, who).get('/api/audit-events');
      if (actor === 'platform') expect(res.statusCode, actor).toBe(200);
      else if (actor !== 'anonymous') expect([401, 403], actor).toContain(res.statusCode);
    }
  });

  it('ORG-3 an officer sees only their own agency in the agency list', async () => {
    const res = await client(t.app, callers.get('handlerA')!).get('/api/agencies');
    expect(res.json().map((a: { id: string }) => a.id)).toEqual([agencyA]);
  });
  it('ORG-3 each role is allowed or refused exactly as the policy says (anonymous → 401, others → 403; a service account → 403 SERVICE_ACCOUNT_FORBIDDEN on every non-ingest route)', async () => {
    // Sign-out last: it ends the caller's session.
    const routes = [...t.app.apiRoutes].sort((a, b) => Number(a.url === '/api/auth/sign-out') - Number(b.url === '/api/auth/sign-out'));
    const mismatches: string[] = [];
    for (const route of routes) {
      const key = `${route.method} ${route.url}`;
      const allowed = new Set(expectations[key] ?? []);
      let url = route.url.replace(':agencyId', agencyA).replace(':year', '2026').replace(':version', '1').replace(/:[A-Za-z]+/g, () => randomUUID());
      if (route.url === '/api/audit-events') url += `?agencyId=${agencyA}`;
      for (const [actor, who] of callers) {
        const res = await client(t.app, who).call(route.method as 'GET', url, route.method === 'GET' ? undefined : {});
        const code = String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as { code?: string }).code : undefined;
        const refused = code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'SERVICE_ACCOUNT_FORBIDDEN';
        const wantRefused = !allowed.has(actor);
        if (refused !== wantRefused) mismatches.push(`${key} as ${actor}: got ${res.statusCode} ${code ?? ''}`);
        if (refused && actor === 'anonymous' && res.statusCode !== 401) mismatches.push(`${key} anonymous got ${res.statusCode}`);
        // The station is refused by the request hook itself, whatever the route's own policy says.
        if (refused && actor === 'serviceA' && (res.statusCode !== 403 || code !== 'SERVICE_ACCOUNT_FORBIDDEN')) mismatches.push(`${key} serviceA got ${res.statusCode} ${code ?? ''}`);
        if (res.statusCode >= 500) mismatches.push(`${key} as ${actor}: ${res.statusCode}`);
      }
    }
    expect(mismatches).toEqual([]);
    // Every route × 13 callers, one after another: slow on a loaded machine, not stuck.
  }, 180_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Param = { value: unknown; source?: { seed: string; article: string; quote: string }; reason?: string };

describe('agency policy profiles: choose, adjust, versions (POL-1, CHK-1, CHK-3)', () => {
  let t: TestApp;
  let admin: Session;
  let agencyId: string;
  const as = () => client(t.app, admin);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    agencyId = (await makeAgency(t.app, admin)).id;
  });
  afterAll(() => t.close());

  it('POL-1 five built-in profiles ship, one per seed', async () => {
    const list = (await as().get('/api/policy-profiles')).json() as Array<{ seed: string }>;
    expect(list.map((p) => p.seed).sort()).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
  });

  it('POL-1 an agency without a profile says so; adjusting before choosing is refused', async () => {
    expect((await as().get(`/api/agencies/${agencyId}/policy`)).json().current).toBeNull();
    const res = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { parameters: { archiving: { kind: 'calendarDays', days: 10 } }, basis: '测试' });
    expect(res.json().code).toBe('CONFLICT');
  });

  it('POL-1 choosing and adjusting make versions; each adjusted value cites the agency\'s basis; the change is audited', async () => {
    const chosen = await as().post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's1-fushun-culture-market', basis: '局务会决定采用' });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().version).toBe(1);
    const s1Archiving = chosen.json().profile.parameters.archiving as Param;
    expect(s1Archiving).toMatchObject({ value: { kind: 'calendarDays', days: 60 }, source: { seed: 'S1', article: '第三十一条' } });

    const switched = await as().post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's2-guangyang-emergency', basis: '改用应急管理局办法' });
    expect(switched.json().version).toBe(2);
    const adjusted = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { parameters: { archiving: { kind: 'workingDays', days: 45 } }, basis: '方应急〔2026〕3号' });
    expect(adjusted.statusCode).toBe(201);
    const current = (await as().get(`/api/agencies/${agencyId}/policy`)).json().current;
    expect(current.version).toBe(3);
    expect(current.profile.version).toBe(3);
    expect(current.profile.parameters.archiving).toMatchObject({ value: { kind: 'workingDays', days: 45 }, source: { seed: 'agency', quote: '方应急〔2026〕3号' } });
    expect(current.profile.seed).toBe('S2');

    const versions = (await as().get(`/api/agencies/${agencyId}/policy/versions`)).json();
    expect(versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const v1 = (await as().get(`/api/agencies/${agencyId}/policy/versions/1`)).json();
    expect(v1.profile.parameters.archiving.value.days).toBe(60);

    const audit = (await as().get(`/api/audit-events?agencyId=${agencyId}&objectType=agency_policy`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['policy.adjusted', 'policy.chosen', 'policy.chosen']);
  });

  it('POL-1 a bad value, an unknown parameter or a missing basis is refused and makes no version', async () => {
    const before = (await as().get(`/api/agencies/${agencyId}/policy/versions`)).json().length;
    const bad = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { parameters: { archiving: { kind: 'workingDays', days: -3 } }, basis: '错误示例' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
    const unknown = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { parameters: { nonsense: 1 }, basis: '错误示例' });
    expect(unknown.json().code).toBe('VALIDATION_FAILED');
    const noBasis = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { parameters: { workdayEnd: '18:00' } });
    expect(noBasis.json().code).toBe('VALIDATION_FAILED');
    const wrongProfile = await as().post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 'nope', basis: '错误示例' });
    expect(wrongProfile.statusCode).toBe(404);
    expect((await as().get(`/api/agencies/${agencyId}/policy/versions`)).json().length).toBe(before);
  });

  it('CHK-1 CHK-3 the checklist is edited as a whole table, versioned, and exported as the published list', async () => {
    const current = (await as().get(`/api/agencies/${agencyId}/policy`)).json().current;
    const rows = current.profile.checklist.rows as Array<{ activity: string; keyPoints: string[] }>;
    const edited = rows.map((r, i) => (i === 0 ? { ...r, keyPoints: [...r.keyPoints, '记录执法人员出示执法证件'] } : r));
    const res = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { checklistRows: edited, basis: '清单修订' });
    expect(res.statusCode).toBe(201);
    expect(res.json().profile.checklist.rows[0].keyPoints).toContain('记录执法人员出示执法证件');
    const csv = await as().get(`/api/agencies/${agencyId}/policy/checklist.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('记录执法人员出示执法证件');
    expect(csv.body).toContain('序号,执法类别,执法环节,记录要求');
  });

  it('POL-1 an officer reads the agency\'s profile but cannot change it', async () => {
    const officer = await makeUser(t.app, agencyId, ['handler'], admin);
    const me = client(t.app, await signInAs(t.app, officer.username, officer.password));
    expect((await me.get(`/api/agencies/${agencyId}/policy`)).statusCode).toBe(200);
    expect((await me.post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's0-zuojiawu', basis: '越权' })).statusCode).toBe(403);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyOverrides, PARAMETER_PATHS } from './apply-overrides.js';
import { loadBuiltInProfiles, validateProfile } from './load-profiles.js';
import type { PolicyProfile } from './profile-schema.js';
import { ACTIVITIES } from './vocabulary.js';

const profiles = loadBuiltInProfiles();
const bySeed = Object.fromEntries(profiles.map((p) => [p.seed, p])) as Record<PolicyProfile['seed'], PolicyProfile>;

type ParameterEntry = { value: unknown; reason?: string; source?: { seed: string; article: string } };
function parameterAt(profile: PolicyProfile, path: string): ParameterEntry {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], profile.parameters) as ParameterEntry;
}

describe('POL-1 built-in profiles', () => {
  it('POL-1: five profiles, one per seed, each file valid, with id, version and name', () => {
    expect(profiles.map((p) => p.seed)).toEqual(['S0', 'S1', 'S2', 'S3', 'S4']);
    expect(new Set(profiles.map((p) => p.id)).size).toBe(5);
    for (const profile of profiles) {
      expect(validateProfile(profile).ok).toBe(true);
      expect(profile.version).toBe(1);
      expect(profile.name).not.toBe('');
    }
  });

  it('POL-1: every parameter has a value with its source, or null with a reason', () => {
    for (const profile of profiles) {
      for (const path of PARAMETER_PATHS) {
        const parameter = parameterAt(profile, path);
        if (parameter.value === null) expect(parameter.reason, `${profile.id} ${path}`).toMatch(/\S/);
        else expect(parameter.source?.article, `${profile.id} ${path}`).toMatch(/^(.+ )?第.+条|《/);
      }
    }
  });

  it('POL-1: the numbers each seed sets, from its own article', () => {
    expect(bySeed.S0.parameters.archiving).toMatchObject({ value: { kind: 'calendarDays', days: 30 }, source: { seed: 'S0', article: '第三十四条' } });
    expect(bySeed.S1.parameters.archiving).toMatchObject({ value: { kind: 'calendarDays', days: 60 }, source: { article: '第三十一条' } });
    expect(bySeed.S2.parameters.archiving).toMatchObject({ value: { kind: 'workingDays', days: 30 }, source: { article: '第十八条' } });
    expect(bySeed.S3.parameters.archiving).toMatchObject({ value: { kind: 'workingDays', days: 20 }, source: { article: '全过程记录办法 第二十一条' } });
    expect(bySeed.S4.parameters.archiving.value).toBeNull();
    expect(bySeed.S1.parameters.emergencyRetroApproval).toMatchObject({ value: { kind: 'hours', hours: 24 }, source: { article: '第七条' } });
    expect(bySeed.S3.parameters.legalReview.standard).toMatchObject({ value: { kind: 'workingDays', days: 5 }, source: { article: '法制审核办法 第十三条' } });
    expect(bySeed.S3.parameters.disclosure.licensingAndPenalty.value).toEqual({ kind: 'workingDays', days: 7 });
    expect(bySeed.S3.parameters.disclosure.otherDecisions.value).toEqual({ kind: 'workingDays', days: 20 });
    expect(bySeed.S2.parameters.avOrganising.value).toEqual({ kind: 'workingDays', days: 2 });
    expect(bySeed.S2.parameters.avRetention.minimumYears.value).toBe(2);
    expect(bySeed.S2.parameters.avRetention.longTermTriggers.value).toHaveLength(5);
    expect(bySeed.S2.parameters.equipmentStandard.value).toEqual({ device: 'body_camera', perUnit: 2, unit: 'team' });
    expect(bySeed.S0.parameters.announcement.value).toBe('为保护您的合法权益，监督我们的执法行为，本次行政执法全程录音、录像。');
    expect(bySeed.S0.parameters.workdayEnd.value).toBe('17:30');
    expect(bySeed.S1.parameters.announcement.value).toBeNull();
  });

  it('ARC-2 S4: no archive deadline, and the profile says why', () => {
    const archiving = bySeed.S4.parameters.archiving;
    expect(archiving.value).toBeNull();
    expect(archiving).toMatchObject({ reason: expect.stringContaining('未规定归档期限'), source: { seed: 'S4', article: '第十七条' } });
  });
});

describe('CHK-1 AV checklists', () => {
  const rowFor = (profile: PolicyProfile, activity: string, category: string) =>
    profile.checklist.rows.find((row) => row.activity === activity && (row.categories as string[]).includes(category));

  it('CHK-1 S0: 扣押 has the 7 key points of 第二十九条, 强制拆除 the 8 of 第三十三条', () => {
    const seizure = rowFor(bySeed.S0, 'seizure', 'coercive_measure');
    expect(seizure).toMatchObject({ level: 'mandatory', source: { article: '第二十九条' } });
    expect(seizure?.keyPoints).toHaveLength(7);
    expect(seizure?.keyPoints[3]).toBe('宣读扣押决定书，告知当事人理由、依据、权利和救济途径的情况');
    expect(rowFor(bySeed.S0, 'forced_demolition', 'coercive_execution')?.keyPoints).toHaveLength(8);
    expect(rowFor(bySeed.S0, 'on_site_inspection', 'inspection')).toMatchObject({ source: { article: '第十八条' } });
  });

  it('CHK-1 S1: 现场检查、勘验、抽样、听证 mandatory (第十二条); questioning optional', () => {
    for (const activity of ['on_site_inspection', 'site_survey', 'sampling', 'hearing']) {
      expect(rowFor(bySeed.S1, activity, 'penalty_general')).toMatchObject({ level: 'mandatory', source: { article: '第十二条' } });
    }
    expect(rowFor(bySeed.S1, 'questioning', 'penalty_general')?.level).toBe('optional');
  });

  it('CHK-1 S2: the situations of 第七条 and the forbidden cases of 第八条', () => {
    const items = bySeed.S2.checklist.rows.flatMap((row) => row.keyPoints);
    expect(items).toHaveLength(15); // items 1–15; item 16 is "其他应当采取音像记录的内容"
    expect(bySeed.S2.checklist.forbiddenConditions.map((c) => c.id)).toEqual([
      'explosion_zone_without_explosion_proof_device',
      'secret_or_privacy_without_consent',
      'otherwise_unsuitable',
    ]);
    expect(rowFor(bySeed.S2, 'simple_procedure_penalty', 'penalty_simple')?.condition).toBe('容易引起行政争议时');
  });

  it('CHK-1 S3/S4: 查封、扣押、强制拆除 mandatory; 调查取证、听证、留置/公告送达 situational', () => {
    for (const profile of [bySeed.S3, bySeed.S4]) {
      expect(rowFor(profile, 'seizure', 'coercive_measure')?.level).toBe('mandatory');
      expect(rowFor(profile, 'sealing', 'coercive_measure')?.level).toBe('mandatory');
      expect(rowFor(profile, 'forced_demolition', 'coercive_execution')?.level).toBe('mandatory');
      expect(rowFor(profile, 'questioning', 'penalty_general')?.level).toBe('situational');
      expect(rowFor(profile, 'service_public_notice', 'licensing')?.level).toBe('situational');
    }
    expect(rowFor(bySeed.S4, 'substitute_performance', 'coercive_execution')).toMatchObject({ level: 'mandatory', source: { article: '第十条' } });
    expect(rowFor(bySeed.S4, 'seizure', 'coercive_measure')?.keyPoints).toHaveLength(7); // 第十二条
    expect(rowFor(bySeed.S3, 'seizure', 'coercive_measure')?.keyPoints).toHaveLength(6); // 第十七条
  });

  it('CHK-1: every activity in every checklist has a Chinese name in the vocabulary', () => {
    for (const profile of profiles) {
      for (const row of profile.checklist.rows) expect(Object.keys(ACTIVITIES), `${profile.id}`).toContain(row.activity);
    }
  });

  // The seeds live beside the repository (../shared/seeds); where they are, every quote and key
  // point in the profiles must be found in them word for word.
  const seedsDir = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
  it.skipIf(!existsSync(seedsDir))('POL-1: every quote and key point is verbatim from its seed', () => {
    const prefixes = { S0: '000_', S1: '001_', S2: '002_', S3: '003_', S4: '004_' } as const;
    const files = readdirSync(seedsDir);
    const seedText = (seed: keyof typeof prefixes) => readFileSync(seedsDir + files.find((f) => f.startsWith(prefixes[seed]))!, 'utf8');
    for (const profile of profiles) {
      const text = seedText(profile.seed);
      const quotes: string[] = [];
      JSON.stringify(profile, (_key, value: unknown) => {
        const source = value as { seed?: unknown; quote?: unknown } | null;
        if (source && typeof source.quote === 'string' && source.seed === profile.seed) quotes.push(source.quote);
        return value;
      });
      for (const row of profile.checklist.rows) quotes.push(...row.keyPoints);
      for (const quote of quotes) expect(text.includes(quote), `${profile.id}: ${quote}`).toBe(true);
    }
  });
});

describe('POL-1 overrides', () => {
  it('POL-1: an override sets the value, cites the agency, and makes a new version', () => {
    const result = applyOverrides(bySeed.S4, {
      parameters: { archiving: { kind: 'workingDays', days: 30 } },
      basis: '青羊镇政府2026年第3次常务会议决定',
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.version).toBe(2);
    expect(result.profile.basedOn).toEqual({ id: 's4-qingyang', version: 1 });
    expect(result.profile.parameters.archiving).toMatchObject({
      value: { kind: 'workingDays', days: 30 },
      source: { seed: 'agency', quote: '青羊镇政府2026年第3次常务会议决定' },
    });
    expect(bySeed.S4.parameters.archiving.value).toBeNull(); // the original is untouched
  });

  it('POL-1: an override can clear a value and replace checklist rows', () => {
    const rows = bySeed.S1.checklist.rows.map((row) => (row.activity === 'questioning' ? { ...row, level: 'mandatory' as const } : row));
    const result = applyOverrides(bySeed.S1, { parameters: { emergencyRetroApproval: null }, checklistRows: rows, basis: '队务会决定' });
    expect(result.ok && result.profile.parameters.emergencyRetroApproval).toMatchObject({ value: null, reason: expect.stringContaining('原为 S1 第七条') });
    expect(result.ok && result.profile.checklist.rows.find((r) => r.activity === 'questioning')?.level).toBe('mandatory');
  });

  it.each([
    ['a negative number of days', { archiving: { kind: 'calendarDays', days: -5 } }, 'parameters.archiving'],
    ['zero working days', { 'legalReview.standard': { kind: 'workingDays', days: 0 } }, 'parameters.legalReview.standard'],
    ['a workday end that is no time', { workdayEnd: '25:70' }, 'parameters.workdayEnd'],
    ['an unknown deadline kind', { avOrganising: { kind: 'fortnights', days: 1 } }, 'parameters.avOrganising'],
    ['an unknown parameter', { archiveWithin: { kind: 'hours', hours: 1 } }, 'parameters.archiveWithin'],
  ])('POL-1: an override with %s is rejected', (_name, parameters, path) => {
    const result = applyOverrides(bySeed.S0, { parameters, basis: '测试' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.some((issue) => issue.path.startsWith(path))).toBe(true);
  });

  it('POL-1: an override without a stated basis is rejected', () => {
    expect(applyOverrides(bySeed.S0, { parameters: { announcement: '本次执法全程录音录像。' }, basis: ' ' })).toEqual({
      ok: false,
      issues: [{ path: 'basis', message: '请写明调整依据' }],
    });
  });

  it('POL-1: a checklist row with a bad level is rejected', () => {
    const rows = [{ ...bySeed.S3.checklist.rows[0]!, level: 'sometimes' }];
    const result = applyOverrides(bySeed.S3, { checklistRows: rows, basis: '测试' });
    expect(result.ok).toBe(false);
  });
});

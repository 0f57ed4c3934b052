import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/create-calendar.js';
import { applyOverrides } from '../profiles/apply-overrides.js';
import { loadBuiltInProfiles } from '../profiles/load-profiles.js';
import type { PolicyProfile } from '../profiles/profile-schema.js';
import { closeOf, shanghai } from '../test-support.js';
import { describeFinding } from './describe-finding.js';
import { evaluateFindings } from './evaluate-findings.js';
import type { Finding } from './finding.js';
import type { ActivityFacts, MatterFacts } from './matter-facts.js';

const calendar = createCalendar();
const profiles = Object.fromEntries(loadBuiltInProfiles().map((p) => [p.seed, p])) as Record<PolicyProfile['seed'], PolicyProfile>;
const HOUR = 3_600_000;

function matter(overrides: Partial<MatterFacts> = {}): MatterFacts {
  return { matterId: 'M1', category: 'penalty_general', startRoute: 'ex_officio', activities: [], avRecords: [], ...overrides };
}

function activity(overrides: Partial<ActivityFacts> & Pick<ActivityFacts, 'activity'>): ActivityFacts {
  return { activityId: 'A1', occurredAt: shanghai('2026-03-10 10:00'), officerIds: ['o1', 'o2'], documents: [], ...overrides };
}

const run = (facts: MatterFacts, seed: PolicyProfile['seed'], now: string) => evaluateFindings(facts, profiles[seed], calendar, shanghai(now));
const ofKind = (findings: Finding[], kind: Finding['kind']) => findings.filter((f) => f.kind === kind);

describe('AV-4 storage findings', () => {
  const record = { recordId: 'R1', recordedEnd: shanghai('2026-03-10 15:00'), remoteWork: false };

  it('AV-4 S1: stored 3 h after the 24 h limit → late, with the reason given and the rule named', () => {
    const facts = matter({ avRecords: [{ ...record, ingestedAt: shanghai('2026-03-11 18:00'), lateReason: '设备电量耗尽' }] });
    const [finding] = ofKind(run(facts, 'S1', '2026-03-12 09:00'), 'av_storage_deadline');
    expect(finding).toMatchObject({
      key: 'av_storage_deadline:av_record:R1',
      requirement: 'AV-4',
      state: 'late',
      severity: 'medium',
      objectType: 'av_record',
      objectId: 'R1',
      dueAt: shanghai('2026-03-11 15:00'),
      lateByMs: 3 * HOUR,
      rule: { profileId: 's1-fushun-culture-market', profileVersion: 1, seed: 'S1', article: '第三十一条' },
      detail: { reasonGiven: '设备电量耗尽', variant: 'standard' },
    });
    expect(finding?.rule.text).toContain('应在24小时内');
    expect(describeFinding(finding!)).toBe('音像记录（R1）储存逾期3小时（24小时内，2026-03-11 15:00 前，实际 2026-03-11 18:00）；说明：设备电量耗尽');
  });

  it('AV-4 S1: not stored and within 4 h of the limit → due soon; stored in time → nothing', () => {
    const open = ofKind(run(matter({ avRecords: [record] }), 'S1', '2026-03-11 12:00'), 'av_storage_deadline');
    expect(open.map((f) => [f.state, f.severity])).toEqual([['due_soon', 'low']]);
    expect(describeFinding(open[0]!)).toBe('音像记录（R1）储存即将到期（24小时内，2026-03-11 15:00 前）');
    expect(run(matter({ avRecords: [record] }), 'S1', '2026-03-11 09:00')).toEqual([]);
    expect(run(matter({ avRecords: [{ ...record, ingestedAt: shanghai('2026-03-11 14:00') }] }), 'S1', '2026-03-20 09:00')).toEqual([]);
  });

  it('AV-4 S0: not stored by 17:30 and still missing → late and high', () => {
    const [finding] = run(matter({ avRecords: [record] }), 'S0', '2026-03-10 19:30');
    expect(finding).toMatchObject({ state: 'late', severity: 'high', dueAt: shanghai('2026-03-10 17:30'), lateByMs: 2 * HOUR });
    expect(describeFinding(finding!)).toBe('音像记录（R1）储存已逾期2小时，尚未完成（当天下班前，2026-03-10 17:30 前）；未说明理由');
    // A record with a title (or a file name) is named by it, not by its id.
    const [named] = run(matter({ avRecords: [{ ...record, label: '扣押现场执法记录仪录像' }] }), 'S0', '2026-03-10 19:30');
    expect(describeFinding(named!)).toBe('音像记录「扣押现场执法记录仪录像」储存已逾期2小时，尚未完成（当天下班前，2026-03-10 17:30 前）；未说明理由');
  });

  it('AV-4 S0: a delay approved by the head has no number (第三十五条), so no finding', () => {
    const facts = matter({ avRecords: [{ ...record, exceptionApproved: true }] });
    expect(run(facts, 'S0', '2026-03-20 09:00')).toEqual([]);
  });
});

describe('AV-5, ARC-2, PUB-2, REV-5, CASE-3 time-limit findings', () => {
  it('AV-5 S2: organised 3 working days after ingest → late; S1 sets no limit → nothing', () => {
    const records = [{ recordId: 'R1', recordedEnd: shanghai('2026-03-09 10:00'), returnedAt: shanghai('2026-03-09 12:00'), remoteWork: false, ingestedAt: shanghai('2026-03-09 16:00'), organisedAt: shanghai('2026-03-12 09:00') }];
    const [finding] = ofKind(run(matter({ avRecords: records }), 'S2', '2026-03-20 09:00'), 'av_organising_deadline');
    expect(finding).toMatchObject({ state: 'late', dueAt: closeOf('2026-03-11'), rule: { seed: 'S2', article: '第十七条' } });
    expect(ofKind(run(matter({ avRecords: records }), 'S1', '2026-03-20 09:00'), 'av_organising_deadline')).toEqual([]);
  });

  it('ARC-2 S0: 30 days from the end of the matter; S4 sets none, so no finding however late', () => {
    const facts = matter({ endedAt: shanghai('2026-01-05 10:00') });
    const [finding] = run(facts, 'S0', '2026-03-01 09:00');
    expect(finding).toMatchObject({ kind: 'archive_deadline', requirement: 'ARC-2', state: 'late', dueAt: closeOf('2026-02-04'), rule: { seed: 'S0', article: '第三十四条' } });
    expect(run(facts, 'S4', '2027-03-01 09:00')).toEqual([]);
    expect(run({ ...facts, archivedAt: shanghai('2026-02-04 16:00') }, 'S0', '2026-03-01 09:00')).toEqual([]);
  });

  it('ARC-2 S3: 20 working days across 春节 2026', () => {
    const [finding] = run(matter({ endedAt: shanghai('2026-02-10 10:00') }), 'S3', '2026-03-20 09:00');
    // 02-11…02-13, make-up Saturdays 02-14 and 02-28, 02-24 onwards: the 20th working day is 03-16.
    expect(finding).toMatchObject({ kind: 'archive_deadline', dueAt: closeOf('2026-03-16'), rule: { article: '全过程记录办法 第二十一条' } });
  });

  it('PUB-2 S3: a penalty decision within 7 working days, an inspection decision within 20', () => {
    const decision = { issuedAt: shanghai('2026-03-02 10:00'), disclosureRecorded: true, disclosedAt: null };
    const [penalty] = run(matter({ decision }), 'S3', '2026-03-12 09:00');
    expect(penalty).toMatchObject({ kind: 'disclosure_deadline', state: 'late', dueAt: closeOf('2026-03-11'), rule: { article: '公示办法 第二十一条' } });
    expect(penalty?.rule.text).toContain('7 个工作日');
    expect(run(matter({ category: 'inspection', decision }), 'S3', '2026-03-12 09:00')).toEqual([]);
    const [inspection] = run(matter({ category: 'inspection', decision }), 'S3', '2026-04-01 09:00');
    expect(inspection).toMatchObject({ dueAt: closeOf('2026-03-30') });
    expect(run(matter({ decision: { ...decision, disclosureExempt: true } }), 'S3', '2026-04-01 09:00')).toEqual([]);
    expect(run(matter({ decision }), 'S0', '2026-04-01 09:00')).toEqual([]);
  });

  it('PUB-2 a disclosure the system does not record is unknown: no finding however late, until it is recorded', () => {
    const issuedAt = shanghai('2026-03-02 10:00');
    expect(run(matter({ decision: { issuedAt } }), 'S3', '2026-04-01 09:00')).toEqual([]);
    expect(run(matter({ decision: { issuedAt, disclosureRecorded: false, disclosedAt: null } }), 'S3', '2026-04-01 09:00')).toEqual([]);
    expect(run(matter({ decision: { issuedAt, disclosureRecorded: true, disclosedAt: null } }), 'S3', '2026-04-01 09:00')).toMatchObject([{ requirement: 'PUB-2', state: 'late' }]);
    expect(run(matter({ decision: { issuedAt, disclosureRecorded: true, disclosedAt: shanghai('2026-03-05 10:00') } }), 'S3', '2026-04-01 09:00')).toEqual([]);
  });

  it('REV-5 S3: 5 working days from receipt; +5 only with an extension approved in time', () => {
    const receivedAt = shanghai('2026-03-02 10:00');
    const late = run(matter({ legalReview: { receivedAt } }), 'S3', '2026-03-10 09:00');
    expect(late[0]).toMatchObject({ kind: 'legal_review_deadline', requirement: 'REV-5', state: 'late', dueAt: closeOf('2026-03-09'), rule: { article: '法制审核办法 第十三条' } });
    const extended = matter({ legalReview: { receivedAt, extensionApprovedAt: shanghai('2026-03-06 10:00') } });
    expect(run(extended, 'S3', '2026-03-10 09:00')).toEqual([]);
    const [afterExtension] = run(extended, 'S3', '2026-03-17 09:00');
    expect(afterExtension).toMatchObject({ dueAt: closeOf('2026-03-16'), detail: { extended: true } });
    expect(afterExtension?.rule.text).toContain('延长5个工作日');
    const tooLate = matter({ legalReview: { receivedAt, extensionApprovedAt: shanghai('2026-03-12 10:00') } });
    expect(run(tooLate, 'S3', '2026-03-12 11:00')[0]).toMatchObject({ dueAt: closeOf('2026-03-09'), detail: { extended: false, extensionIgnoredAsLate: true } });
  });

  it('CASE-3 S1: an emergency start reported 30 h later is late; S3 sets no limit', () => {
    const emergencyStart = { startedAt: shanghai('2026-03-10 08:00'), retroReportedAt: shanghai('2026-03-11 14:00') };
    const [finding] = run(matter({ emergencyStart }), 'S1', '2026-03-12 09:00');
    expect(finding).toMatchObject({ kind: 'emergency_retro_approval_deadline', requirement: 'CASE-3', lateByMs: 6 * HOUR, rule: { seed: 'S1', article: '第七条' } });
    expect(run(matter({ emergencyStart }), 'S3', '2026-03-12 09:00')).toEqual([]);
  });
});

describe('CHK-1 / AV-9 missing AV and ORG-2 officers', () => {
  const seizure = matter({ category: 'coercive_measure', activities: [activity({ activity: 'seizure' })] });

  it('CHK-1 S0: a seizure without AV is a finding that quotes 第二十九条 and lists its key points', () => {
    const [finding] = run(seizure, 'S0', '2026-03-10 12:00');
    expect(finding).toMatchObject({ kind: 'av_missing_for_mandatory_activity', requirement: 'CHK-1', state: 'breached', objectId: 'A1', rule: { seed: 'S0', article: '第二十九条' } });
    expect(finding?.detail['keyPoints']).toHaveLength(7);
    expect(describeFinding(finding!)).toBe('行政强制措施的扣押（A1）应当音像记录，但没有音像记录，也没有书面说明理由');
  });

  it('CHK-1: AV linked to the activity, or a written reason (AV-9), clears it', () => {
    const withAv = { ...seizure, avRecords: [{ recordId: 'R1', activityId: 'A1', recordedEnd: shanghai('2026-03-10 11:00'), ingestedAt: shanghai('2026-03-10 12:00'), remoteWork: false }] };
    expect(run(withAv, 'S4', '2026-03-10 12:30')).toEqual([]);
    const withReason = { ...seizure, activities: [activity({ activity: 'seizure', avOmission: { writtenReason: '执法记录仪故障，已书面说明' } })] };
    expect(run(withReason, 'S4', '2026-03-10 12:30')).toEqual([]);
    const blankReason = { ...seizure, activities: [activity({ activity: 'seizure', avOmission: { writtenReason: '  ' } })] };
    expect(run(blankReason, 'S4', '2026-03-10 12:30')).toHaveLength(1);
  });

  it('AV-9 S2: an inspection in an explosion zone without a proof device is justified (第八条)', () => {
    const inspection = (forbiddenConditionId: string) =>
      matter({ category: 'inspection', activities: [activity({ activity: 'on_site_inspection', avOmission: { writtenReason: '爆炸危险区域', forbiddenConditionId } })] });
    expect(run(inspection('explosion_zone_without_explosion_proof_device'), 'S2', '2026-03-10 12:00')).toEqual([]);
    const bare = matter({ category: 'inspection', activities: [activity({ activity: 'on_site_inspection' })] });
    expect(run(bare, 'S2', '2026-03-10 12:00')[0]).toMatchObject({ rule: { seed: 'S2', article: '第七条' } });
  });

  it('CHK-1: a situational row (S3 questioning) and a condition not met (S1 simple procedure) give nothing', () => {
    expect(run(matter({ activities: [activity({ activity: 'questioning' })] }), 'S3', '2026-03-10 12:00')).toEqual([]);
    const simple = (avConditionApplies: boolean) => matter({ category: 'penalty_simple', activities: [activity({ activity: 'simple_procedure_penalty', avConditionApplies })] });
    expect(run(simple(false), 'S1', '2026-03-10 12:00')).toEqual([]);
    expect(run(simple(true), 'S1', '2026-03-10 12:00')[0]).toMatchObject({ rule: { article: '第二十一条' } });
  });

  it('ORG-2: one officer questioning under the general procedure is a finding citing 行政处罚法 第四十二条', () => {
    const alone = activity({ activity: 'questioning', officerIds: ['o1', 'o1'] });
    const [finding] = run(matter({ activities: [alone] }), 'S1', '2026-03-10 12:00');
    expect(finding).toMatchObject({ kind: 'too_few_officers', requirement: 'ORG-2', severity: 'high', rule: { seed: 'national', article: '《中华人民共和国行政处罚法》第四十二条' } });
    expect(describeFinding(finding!)).toBe('询问（A1）仅有 1 名执法人员，少于 2 名');
    expect(run(matter({ category: 'penalty_simple', activities: [alone] }), 'S1', '2026-03-10 12:00')).toEqual([]);
    expect(run(matter({ category: 'inspection', activities: [alone] }), 'S1', '2026-03-10 12:00')).toHaveLength(1);
    expect(run(matter({ category: 'licensing', activities: [alone] }), 'S1', '2026-03-10 12:00')).toEqual([]);
    expect(run(matter({ activities: [{ ...alone, officerIds: ['o1', 'o2'] }] }), 'S1', '2026-03-10 12:00')).toEqual([]);
  });
});

describe('SUP-2 every finding names its rule', () => {
  const troubled = matter({
    activities: [activity({ activity: 'questioning', officerIds: ['o1'] }), activity({ activityId: 'A2', activity: 'hearing' })],
    avRecords: [{ recordId: 'R1', recordedEnd: shanghai('2026-03-02 10:00'), remoteWork: false, ingestedAt: shanghai('2026-03-09 10:00') }],
    emergencyStart: { startedAt: shanghai('2026-03-01 10:00') },
    endedAt: shanghai('2026-03-03 10:00'),
    decision: { issuedAt: shanghai('2026-03-02 10:00'), disclosureRecorded: true },
    legalReview: { receivedAt: shanghai('2026-03-01 10:00') },
  });

  it.each(['S0', 'S1', 'S2', 'S3', 'S4'] as const)('SUP-2 %s: profile id, version, seed, article and quoted text on each finding', (seed) => {
    const findings = run(troubled, seed, '2026-09-01 09:00');
    expect(findings.length).toBeGreaterThan(1);
    for (const finding of findings) {
      expect(finding.rule).toMatchObject({ profileId: profiles[seed].id, profileVersion: 1 });
      expect([seed, 'national']).toContain(finding.rule.seed);
      expect(finding.rule.article).toMatch(/第.+条/);
      expect(finding.rule.text.length).toBeGreaterThan(5);
      expect(describeFinding(finding)).toMatch(/^\S.{5,}/);
    }
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
    expect(run(troubled, seed, '2026-09-01 09:00')).toEqual(findings); // deterministic
  });

  it('SUP-2 POL-1: after an override the finding cites the agency decision and the new version', () => {
    const result = applyOverrides(profiles.S4, { parameters: { archiving: { kind: 'calendarDays', days: 15 } }, basis: '镇政府决定：结案后15日内归档' });
    if (!result.ok) throw new Error('override should be valid');
    const [finding] = evaluateFindings(matter({ endedAt: shanghai('2026-03-02 10:00') }), result.profile, calendar, shanghai('2026-04-01 09:00'));
    expect(finding).toMatchObject({ kind: 'archive_deadline', dueAt: closeOf('2026-03-17'), rule: { profileId: 's4-qingyang', profileVersion: 2, seed: 'agency', text: '镇政府决定：结案后15日内归档' } });
  });
});

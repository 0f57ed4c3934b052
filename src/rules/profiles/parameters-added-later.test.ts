import { describe, expect, it } from 'vitest';
import { applyOverrides } from './apply-overrides.js';
import { loadBuiltInProfiles } from './load-profiles.js';
import { withParametersAddedLater } from './parameters-added-later.js';
import type { PolicyProfile } from './profile-schema.js';

describe('CAL-2 calendarDayRollover on stored profile versions', () => {
  const s1 = loadBuiltInProfiles().find((p) => p.seed === 'S1')!;

  it('CAL-2 民事诉讼法 第八十五条: a version stored before the parameter existed reads as the national rule, untouched', () => {
    const { calendarDayRollover: _dropped, ...older } = s1.parameters;
    const stored = { ...s1, parameters: older } as unknown as PolicyProfile;
    const read = withParametersAddedLater(stored);
    expect(read.parameters.calendarDayRollover).toMatchObject({ value: true, source: { article: '《中华人民共和国民事诉讼法》第八十五条' } });
    expect('calendarDayRollover' in stored.parameters).toBe(false);
    expect(withParametersAddedLater(s1)).toBe(s1);
  });

  it('CAL-2: an agency may turn the roll-over off, citing its own decision', () => {
    const result = applyOverrides(s1, { parameters: { calendarDayRollover: false }, basis: '局务会议纪要〔2026〕3号' });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.profile.parameters.calendarDayRollover).toMatchObject({
        value: false,
        source: { seed: 'agency', quote: '局务会议纪要〔2026〕3号' },
        note: '本机关调整（原为《中华人民共和国民事诉讼法》第八十五条）',
      });
    }
    const bad = applyOverrides(s1, { parameters: { calendarDayRollover: 'yes' }, basis: '测试' });
    expect(bad.ok).toBe(false);
  });
});

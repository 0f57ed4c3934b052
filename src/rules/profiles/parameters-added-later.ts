import type { PolicyProfile } from './profile-schema.js';

// Parameters added to the profile after agencies had stored versions. A stored version is
// evidence and is never rewritten; when read, a parameter it lacks takes the national rule, with
// a note saying so, so old and new versions are counted and shown alike.

const CALENDAR_DAY_ROLLOVER: PolicyProfile['parameters']['calendarDayRollover'] = {
  value: true,
  source: {
    seed: 'national',
    article: '《中华人民共和国民事诉讼法》第八十五条',
    quote: '期间以时、日、月、年计算。期间开始的时和日，不计算在期间内。期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。',
  },
  note: '本方案版本制定时尚无此项，按国家法律顺延（“当天”期限不顺延）',
};

/** A stored profile with every parameter present; the stored object itself is left untouched. */
export function withParametersAddedLater(profile: PolicyProfile): PolicyProfile {
  const parameters = profile.parameters as Partial<PolicyProfile['parameters']>;
  if (parameters.calendarDayRollover) return profile;
  return { ...profile, parameters: { ...profile.parameters, calendarDayRollover: CALENDAR_DAY_ROLLOVER } };
}

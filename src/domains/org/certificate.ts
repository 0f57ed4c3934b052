// ORG-2: an officer may carry out enforcement only while their 执法证 is valid. Pure rules.

/** The calendar date in Asia/Shanghai (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export const shanghaiDate = (instant: Date) => new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

export const certificateValidOn = (o: { certificateValidFrom: string; certificateValidTo: string }, ymd: string) =>
  o.certificateValidFrom <= ymd && ymd <= o.certificateValidTo;

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

// CAL-2: the calendar-day roll-over is a profile parameter like the others — value, source, and an
// agency's own adjustment citing its decision.
describe('calendar-day roll-over parameter (CAL-2, 民事诉讼法 第八十五条)', () => {
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

  it('CAL-2 民事诉讼法 第八十五条: a chosen profile carries the roll-over with the article quoted; the agency may turn it off', async () => {
    const chosen = await as().post(`/api/agencies/${agencyId}/policy/choose`, { profileId: 's3-fangcheng-market', basis: '局务会决定采用' });
    expect(chosen.statusCode).toBe(201);
    expect(chosen.json().profile.parameters.calendarDayRollover).toMatchObject({
      value: true,
      source: { seed: 'national', article: '《中华人民共和国民事诉讼法》第八十五条', quote: expect.stringContaining('以法定休假日后的第一日为期间届满的日期') },
    });
    expect((await as().get(`/api/agencies/${agencyId}/policy`)).json().parameterPaths).toContain('calendarDayRollover');

    const off = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { parameters: { calendarDayRollover: false }, basis: '方市监〔2026〕9号' });
    expect(off.statusCode).toBe(201);
    expect(off.json().profile.parameters.calendarDayRollover).toMatchObject({ value: false, source: { seed: 'agency', quote: '方市监〔2026〕9号' } });

    const bad = await as().post(`/api/agencies/${agencyId}/policy/adjust`, { parameters: { calendarDayRollover: '是' }, basis: '错误示例' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

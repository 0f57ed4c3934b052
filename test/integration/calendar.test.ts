import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgency, makeUser } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Day = { date: string; working: boolean; kind: string; holidayName: string | null };

describe('working-day calendar (CAL-1)', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
  });
  afterAll(() => t.close());
  const year = async (y: number) => (await client(t.app, admin).get(`/api/calendar/years/${y}`)).json() as { status: string; source: string; days: Day[] };
  const day = (y: { days: Day[] }, date: string) => y.days.find((d) => d.date === date)!;

  it('CAL-1 a bundled year follows the State Council notice, make-up Saturdays included', async () => {
    const y2026 = await year(2026);
    expect(y2026.status).toBe('official');
    expect(y2026.days).toHaveLength(365);
    expect(day(y2026, '2026-02-17')).toMatchObject({ working: false, kind: 'holiday' }); // 春节
    expect(day(y2026, '2026-02-14')).toMatchObject({ working: true, kind: 'make_up_workday' }); // 调休上班
  });

  it('CAL-1 a year the package lacks is provisional, from the statutory holidays', async () => {
    const y2031 = await year(2031);
    expect(y2031.status).toBe('provisional');
    expect(y2031.source).toContain('全国年节及纪念日放假办法');
    expect(day(y2031, '2031-10-01')).toMatchObject({ working: false, kind: 'holiday' });
    expect(day(y2031, '2031-10-04').working).toBe(false); // a Saturday
    expect(day(y2031, '2031-10-06').working).toBe(true); // Monday: no 调休 is assumed
  });

  it('CAL-1 放假办法 第六条 over HTTP: provisional 2027 gives the weekday 补假 for 国庆 on the weekend', async () => {
    const y2027 = await year(2027);
    expect(y2027.status).toBe('provisional');
    expect(y2027.source).toContain('第六条');
    expect(day(y2027, '2027-10-04')).toMatchObject({ working: false, kind: 'holiday', holidayName: '国庆节（补假）' });
    expect(day(y2027, '2027-10-05')).toMatchObject({ working: false, kind: 'holiday', holidayName: '国庆节（补假）' });
    expect(day(y2027, '2027-10-06').working).toBe(true);
  });

  it.each([
    ['a holiday outside the notice year', { holidays: [{ name: '元旦', start: '2032-12-31', end: '2033-01-01' }], makeUpWorkdays: [] }, '2033-01-01'],
    ['a make-up working day on a weekday', { holidays: [{ name: '春节', start: '2032-02-10', end: '2032-02-16' }], makeUpWorkdays: ['2032-02-18'] }, '2032-02-18'],
    ['a day both holiday and make-up day', { holidays: [{ name: '春节', start: '2032-02-10', end: '2032-02-16' }], makeUpWorkdays: ['2032-02-14'] }, '2032-02-14'],
  ])('CAL-1 a notice with %s is refused with 400 naming the day, nothing stored', async (_name, body, badDay) => {
    const as = client(t.app, admin);
    const before = (await as.get('/api/calendar/notices')).json().length;
    const res = await as.post('/api/calendar/notices', { notice: { year: 2032, ...body }, basis: '国办发明电〔2031〕1号' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().message).toContain(badDay);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect((await as.get('/api/calendar/notices')).json()).toHaveLength(before);
    expect((await year(2032)).status).toBe('provisional');
  });

  it('CAL-1 an administrator\'s notice wins for its year, is audited, and the newest one is in force', async () => {
    const as = client(t.app, admin);
    const notice = { year: 2031, holidays: [{ name: '国庆节', start: '2031-10-01', end: '2031-10-07' }], makeUpWorkdays: ['2031-09-28'] };
    const res = await as.post('/api/calendar/notices', { notice, basis: '国办发明电〔2030〕7号' });
    expect(res.statusCode).toBe(201);
    const y2031 = await year(2031);
    expect(y2031.status).toBe('notice');
    expect(day(y2031, '2031-10-06').working).toBe(false);
    expect(day(y2031, '2031-09-28')).toMatchObject({ working: true, kind: 'make_up_workday' });
    const corrected = { ...notice, holidays: [{ name: '国庆节', start: '2031-10-01', end: '2031-10-05' }], makeUpWorkdays: [] };
    await as.post('/api/calendar/notices', { notice: corrected, basis: '更正' });
    expect(day(await year(2031), '2031-10-06').working).toBe(true);
    expect((await as.get('/api/calendar/notices')).json()).toHaveLength(2);
    const audit = (await as.get('/api/audit-events?action=calendar.notice_entered')).json();
    expect(audit.total).toBe(2);
  });

  it('CAL-1 a malformed notice is refused with a Chinese message; only the platform admin may enter one', async () => {
    const as = client(t.app, admin);
    const backwards = await as.post('/api/calendar/notices', { notice: { year: 2032, holidays: [{ name: '春节', start: '2032-02-15', end: '2032-02-10' }], makeUpWorkdays: [] }, basis: '测试' });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(backwards.json().message).toContain('2032-02-15');
    const noDate = await as.post('/api/calendar/notices', { notice: { year: 2032, holidays: [], makeUpWorkdays: ['2032-02-30'] }, basis: '测试' });
    expect(noDate.json()).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('2032-02-30 不是有效的日期') });
    const wrongYear = await as.post('/api/calendar/notices', { notice: { year: 2032, holidays: [{ name: '春节', start: '2035-02-10', end: '2035-02-15' }], makeUpWorkdays: [] }, basis: '测试' });
    expect(wrongYear.json().code).toBe('VALIDATION_FAILED');
    const agency = await makeAgency(t.app, admin);
    const agencyAdmin = await makeUser(t.app, agency.id, ['admin'], admin);
    const other = client(t.app, await signInAs(t.app, agencyAdmin.username, agencyAdmin.password));
    expect((await other.post('/api/calendar/notices', { notice: { year: 2032, holidays: [], makeUpWorkdays: [] }, basis: '越权' })).statusCode).toBe(403);
    expect((await as.get('/api/calendar/years/1900')).statusCode).toBe(400);
  });
});

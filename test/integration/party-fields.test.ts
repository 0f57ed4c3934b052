import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { makeEnforcementTeam } from '../support/factories.js';
import { client, signInAs, type Session } from '../support/http-client.js';
import { adminPassword, startTestApp, type TestApp } from '../support/test-app.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;
type Issue = { field: string; message: string };

// 当事人 as the 执法文书 forms record them (issue 12, DOC-2): a person's 性别, 出生日期 or 年龄, 职业,
// 工作单位, 住址, 邮编, 联系电话; an organisation's 法定代表人 and 职务, 主体资格证照; a 个体工商户's 字号
// and 经营者. Bad input is 400 with a Chinese message and nothing is stored.

const person = {
  kind: 'natural', name: '赵某', idType: 'resident_id', idNumber: '210421198006010011', gender: 'male', birthDate: '1980-06-01',
  occupation: '个体经营', employer: '无', address: '抚顺县石文镇文化路8号', postcode: '113000', phone: '138 1234 5678',
};
const company = {
  kind: 'legal', name: '抚顺某某商贸有限公司', idType: 'uscc', idNumber: '91210421MA0XXXXX1K', legalRepresentative: '孙某',
  legalRepresentativeTitle: '执行董事', licenceName: '营业执照', licenceNumber: '210421000012345', address: '抚顺县文化路8号', phone: '0413-5551234',
};
const shop = {
  kind: 'individual_business', name: '抚顺县石文镇某某网吧', idType: 'uscc', idNumber: '92210421MA0YYYYY2L', tradeName: '某某',
  operatorName: '李某', licenceName: '营业执照', address: '石文镇中街3号', postcode: '113123', phone: '024-12345678',
};

describe('当事人 fields as the forms have them (issue 12, DOC-2)', () => {
  let t: TestApp;
  let admin: Session;
  let team: Team;
  const base = () => `/api/agencies/${team.agency.id}/matters`;
  const as = () => client(t.app, team.handler.session);
  const open = (parties: unknown[]) =>
    as().post(base(), { category: 'penalty_general', startRoute: 'ex_officio', title: '擅自从事经营活动', unitId: team.unit.id, parties, officerIds: [team.handler.officer.id, team.secondOfficer.id] });
  const count = async () => (await as().get(`${base()}/count`)).json().total as number;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t.app, 'admin', adminPassword);
    team = await makeEnforcementTeam(t.app, admin);
  });
  beforeEach(async () => {
    team.handler.session = await signInAs(t.app, team.handler.user.username, 'User-pass-2026');
  });
  afterAll(() => t.close());

  it('DOC-2: a person, an organisation and a 个体工商户 are kept with every field the forms ask for and shown on the matter', async () => {
    const res = await open([person, company, shop]);
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await as().get(`${base()}/${res.json().id}`)).json();
    const byKind = Object.fromEntries(detail.parties.map((p: { kind: string }) => [p.kind, p]));
    expect(byKind.natural).toMatchObject({ ...person, age: null, legalRepresentative: null, tradeName: null });
    expect(byKind.legal).toMatchObject({ ...company, gender: null, birthDate: null, operatorName: null, postcode: null });
    expect(byKind.individual_business).toMatchObject({ ...shop, legalRepresentative: null, gender: null });
  });

  it('DOC-2: a person may give an age instead of a birth date; optional fields left blank are stored as empty', async () => {
    const res = await open([{ kind: 'natural', name: '钱某', idType: 'passport', idNumber: 'E12345678', age: 45, phone: '', postcode: '  ' }]);
    expect(res.statusCode, res.body).toBe(201);
    const [party] = (await as().get(`${base()}/${res.json().id}`)).json().parties;
    expect(party).toMatchObject({ age: 45, birthDate: null, phone: null, postcode: null });
  });

  const bad: [string, Record<string, unknown>, string, RegExp][] = [
    ['联系电话 not a mobile or landline', { ...person, phone: '12345' }, 'phone', /11 位手机号码.*固定电话/],
    ['a mobile number starting 12', { ...person, phone: '12812345678' }, 'phone', /手机号码/],
    ['邮编 of five digits', { ...person, postcode: '11300' }, 'postcode', /6 位数字/],
    ['a negative age', { ...person, age: -1 }, 'age', /不能小于 0/],
    ['a birth date in the future', { ...person, birthDate: '2999-01-01' }, 'birthDate', /不能晚于今天/],
    ['a birth date that is not a date', { ...person, birthDate: '1980/06/01' }, 'birthDate', /YYYY-MM-DD/],
    ['a gender other than 男 or 女', { ...person, gender: 'x' }, 'gender', /男或女/],
    ['a person with a 法定代表人', { ...person, legalRepresentative: '孙某' }, 'legalRepresentative', /只适用于法人或其他组织/],
    ['an organisation with a 性别', { ...company, gender: 'female' }, 'gender', /只适用于自然人/],
    ['an organisation with a 字号', { ...company, tradeName: '某某' }, 'tradeName', /只适用于个体工商户/],
    ['a 个体工商户 without its 经营者', { ...shop, operatorName: '' }, 'operatorName', /经营者/],
    ['a 个体工商户 with a resident ID', { ...shop, idType: 'resident_id' }, 'idType', /统一社会信用代码/],
    ['a person with a 主体资格证照', { ...person, licenceName: '营业执照' }, 'licenceName', /不填写主体资格证照/],
    ['an unknown party kind', { ...person, kind: 'alien' }, 'kind', /当事人类型/],
  ];

  it.each(bad)('DOC-2: %s is refused with 400 and a Chinese message; no matter is opened', async (_, party, field, message) => {
    const before = await count();
    const res = await open([person, party]);
    expect(res.statusCode, res.body).toBe(400);
    const body = res.json() as { code: string; message: string; details: { issues: Issue[] } };
    expect(body.code).toBe('VALIDATION_FAILED');
    const issue = body.details.issues.find((i) => i.field.endsWith(field));
    expect(issue, JSON.stringify(body.details.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
    expect(body.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await count()).toBe(before);
  });

  it('DOC-5: a document drafted for the party prints the fields the forms show for its kind', async () => {
    const matterId = (await open([shop])).json().id as string;
    const draft = await as().post(`${base()}/${matterId}/documents`, {
      typeId: 'questioning_notice',
      fields: { party: { ...shop, idType: undefined }, case_cause: '擅自经营', appear_at: '2026-03-10T09:00', place: '执法队一楼询问室', contact: '王建国 0413-5551234', maker: '王建国' },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    const html = (await as().get(`/api/agencies/${team.agency.id}/documents/${draft.json().id}/print`)).body;
    expect(html).toContain('个体工商户；字号：某某；统一社会信用代码：92210421MA0YYYYY2L；主体资格证照：营业执照；经营者：李某；经营场所：石文镇中街3号；邮编：113123；联系电话：024-12345678');
  });
});

import { expect } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { DEFAULT_CRITERIA } from '../../src/rules/legal-review/criteria.js';
import type { makeEnforcementTeam } from './factories.js';
import { client } from './http-client.js';

type Team = Awaited<ReturnType<typeof makeEnforcementTeam>>;

// A general-procedure penalty carried to an issued 行政处罚决定书 with a fine, through HTTP (CASE-10,
// CASE-11): the start of every payment and execution test.

export const party = { kind: 'legal', name: '方城县某某商贸有限公司', idType: 'uscc', idNumber: '91411322MA0000000X', address: '方城县释之路18号' };
const partyValue = { kind: 'legal', name: party.name, idNumber: party.idNumber, legalRepresentative: '赵某', address: party.address };
const common = { officers_present: [{ name: '王建国', certificateNo: '41130100123' }, { name: '李晓红', certificateNo: '41130100456' }], legal_basis: [{ law: '中华人民共和国行政处罚法', article: '第二十八条' }], evidence_relied_on: [{ description: '现场检查笔录' }], maker: '王建国' };

export const penaltyDecisionFields = (fineYuan: number) => ({
  party: partyValue, procedure: '一般程序', facts: '当事人销售过期食品。', statements_review: '当事人未提出陈述、申辩。',
  penalty_content: '罚款', fine_amount: fineYuan, performance: '自收到本决定书之日起十五日内缴至指定银行', remedy_notice: '六十日内申请行政复议或者六个月内提起行政诉讼',
  decided_on: '2026-03-02', factors_considered: '初次违法', reviewer: '张队长', ...common,
});

export const demandFields = (deadline: string) => ({
  party: partyValue, original_decision: '罚决字〔2026〕1号', obligation: '缴纳罚款', performance_deadline: deadline, performance_method: '至指定银行缴纳',
  consequences: '逾期将依法申请人民法院强制执行', statement_rights: '收到本催告书后有权进行陈述和申辩', ...common,
});

export function executionHelpers(app: FastifyInstance, team: Team, now: () => Date) {
  const as = () => client(app, team.handler.session);
  const agency = () => `/api/agencies/${team.agency.id}`;
  const step = async (matterId: string, name: string, details?: Record<string, unknown>, expectStatus = 201) => {
    const res = await as().post(`${agency()}/matters/${matterId}/steps`, { step: name, occurredAt: now().toISOString(), place: '方城县释之路18号', ...(details ? { details } : {}) });
    expect(res.statusCode, `${name}: ${res.body}`).toBe(expectStatus);
    const s = res.json();
    if (expectStatus === 201 && s.status === 'pending') {
      for (const who of [team.reviewer, team.approver]) {
        const d = await client(app, who.session).post(`${agency()}/matters/${matterId}/steps/${s.id}/decision`, { decision: 'approve', opinion: '同意' });
        expect(d.statusCode, d.body).toBe(200);
      }
    }
    return s;
  };
  const notMajor = async (matterId: string) => {
    const answers = Object.fromEntries(DEFAULT_CRITERIA.map((c) => [c.id, false]));
    const res = await as().post(`${agency()}/matters/${matterId}/legal-review/assessment`, { proposal: { measures: ['fine'] }, answers });
    expect(res.statusCode, res.body).toBe(201);
  };
  const issue = async (matterId: string, typeId: string, stepId: string | null, fields: Record<string, unknown>) => {
    const created = await as().post(`${agency()}/matters/${matterId}/documents`, { typeId, ...(stepId ? { stepId } : {}), fields });
    expect(created.statusCode, created.body).toBe(201);
    const issued = await as().post(`${agency()}/documents/${created.json().id}/issue`);
    expect(issued.statusCode, issued.body).toBe(200);
    return created.json().id as string;
  };
  const serve = async (matterId: string, documentId: string, partyId: string) => {
    const res = await as().post(`${agency()}/matters/${matterId}/services`, { documentId, partyId, method: 'direct', servedAt: now().toISOString(), details: { recipientName: '赵某', relation: '法定代表人', signed: true } });
    expect(res.statusCode, res.body).toBe(201);
  };
  /** A penalty matter decided with a fine of `fineYuan` 元, its decision issued (not yet served). */
  const penaltyWithFine = async (fineYuan: number) => {
    const res = await as().post(`${agency()}/matters`, { category: 'penalty_general', startRoute: 'ex_officio', title: '销售过期食品', unitId: team.unit.id, parties: [party], officerIds: [team.handler.officer.id, team.secondOfficer.id] });
    expect(res.statusCode, res.body).toBe(201);
    const matterId = res.json().id as string;
    for (const s of ['filing', 'on_site_inspection', 'questioning', 'investigation_report', 'rights_notice']) await step(matterId, s);
    await notMajor(matterId);
    const decision = await step(matterId, 'decision');
    const documentId = await issue(matterId, 'penalty_decision', decision.id, penaltyDecisionFields(fineYuan));
    const partyId = (await as().get(`${agency()}/matters/${matterId}`)).json().parties[0].id as string;
    return { matterId, documentId, partyId };
  };
  return { as, agency, step, notMajor, issue, serve, penaltyWithFine };
}

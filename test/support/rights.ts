import { exampleOfficers, exampleParty } from '../../src/rules/documents/examples.js';

/** A 行政处罚事先告知书 offering a hearing, as an officer would fill it (CASE-8, CASE-9 tests). */
export const rightsNoticeFields = () => ({
  party: exampleParty,
  facts: '当事人未经许可擅自从事互联网上网服务经营活动。',
  proposed_penalty: '没收违法所得，并处罚款人民币一万元。',
  proposed_fine: 10000,
  rights: '你（单位）有权进行陈述、申辩，并有权要求举行听证。',
  statement_deadline: '收到本告知书之日起五个工作日内',
  hearing_deadline: '收到本告知书之日起五个工作日内',
  legal_basis: [{ law: '互联网上网服务营业场所管理条例', article: '第二十七条' }],
  evidence_relied_on: [{ description: '现场检查笔录' }],
  officers_present: exampleOfficers,
  maker: '王建国',
});

/** The steps of a general-procedure penalty up to the 事先告知 (each approved where it needs it). */
export const STEPS_TO_RIGHTS_NOTICE = ['filing', 'on_site_inspection', 'investigation_report', 'rights_notice'] as const;

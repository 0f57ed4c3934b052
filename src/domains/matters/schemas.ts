import { z } from 'zod';
import { CATEGORY_IDS } from '../../rules/profiles/vocabulary.js';
import { uuidParam } from '../../shared/http-schemas.js';
import { GENDERS, PARTY_KIND_IDS, phoneProblem, postcodeProblem, usesCreditCode, type Gender } from '../../rules/matters/party.js';

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).transform((s) => new Date(s));

// 当事人 as the forms record them (issue 12): a natural person with an ID document and personal
// details; a legal person or other organisation, or a 个体工商户, with its 统一社会信用代码.
const optional = (label: string, max: number) =>
  z.string().trim().max(max, `${label}不能超过 ${max} 字`).nullable().optional().transform((v) => (v ? v : null));
const checked = (check: (v: string) => string | null) =>
  z.string().trim().max(40).nullable().optional().transform((v) => (v ? v : null))
    .superRefine((v, ctx) => { const problem = v ? check(v) : null; if (problem) ctx.addIssue({ code: 'custom', message: problem }); });

const PERSON_ONLY = { gender: '性别', birthDate: '出生日期', age: '年龄', occupation: '职业', employer: '工作单位' } as const;
const ORGANISATION_ONLY = { legalRepresentative: '法定代表人（负责人）', legalRepresentativeTitle: '职务' } as const;
const BUSINESS_ONLY = { tradeName: '字号', operatorName: '经营者' } as const;

export const partyInput = z
  .object({
    kind: z.enum(PARTY_KIND_IDS, { error: '请选择当事人类型（自然人、法人或其他组织、个体工商户）' }),
    name: text('当事人名称', 100),
    idType: z.enum(['resident_id', 'passport', 'other_id', 'uscc'], { error: '请选择证件类型' }),
    idNumber: text('证件号码', 40),
    address: optional('住址（住所、经营场所）', 200),
    postcode: checked(postcodeProblem),
    phone: checked(phoneProblem),
    gender: z.enum(Object.keys(GENDERS) as [Gender, ...Gender[]], { error: '性别应为男或女' }).nullable().optional().transform((v) => v ?? null),
    birthDate: z.iso.date({ error: '出生日期格式应为 YYYY-MM-DD' }).nullable().optional().transform((v) => v ?? null),
    age: z.number({ error: '年龄应为整数' }).int('年龄应为整数').min(0, '年龄不能小于 0').max(150, '年龄不能超过 150').nullable().optional().transform((v) => v ?? null),
    occupation: optional('职业', 50),
    employer: optional('工作单位', 100),
    legalRepresentative: optional('法定代表人（负责人）', 50),
    legalRepresentativeTitle: optional('职务', 50),
    licenceName: optional('主体资格证照名称', 50),
    licenceNumber: optional('主体资格证照编号', 60),
    tradeName: optional('字号', 100),
    operatorName: optional('经营者', 50),
  })
  .superRefine((p, ctx) => {
    if (usesCreditCode(p.kind) !== (p.idType === 'uscc'))
      ctx.addIssue({ code: 'custom', path: ['idType'], message: '法人或其他组织、个体工商户使用统一社会信用代码，自然人使用身份证件' });
    const misplaced = (fields: Record<string, string>, who: string) => {
      for (const [key, label] of Object.entries(fields))
        if (p[key as keyof typeof p] !== null) ctx.addIssue({ code: 'custom', path: [key], message: `“${label}”只适用于${who}` });
    };
    if (p.kind !== 'natural') misplaced(PERSON_ONLY, '自然人');
    if (p.kind !== 'legal') misplaced(ORGANISATION_ONLY, '法人或其他组织');
    if (p.kind !== 'individual_business') misplaced(BUSINESS_ONLY, '个体工商户');
    if (p.kind === 'natural' && p.licenceName) ctx.addIssue({ code: 'custom', path: ['licenceName'], message: '自然人不填写主体资格证照' });
    if (p.kind === 'natural' && p.licenceNumber) ctx.addIssue({ code: 'custom', path: ['licenceNumber'], message: '自然人不填写主体资格证照' });
    if (p.kind === 'individual_business' && !p.operatorName) ctx.addIssue({ code: 'custom', path: ['operatorName'], message: '请填写个体工商户的经营者姓名' });
    if (p.birthDate && p.birthDate > new Date().toISOString().slice(0, 10)) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '出生日期不能晚于今天' });
  });

export const matterInput = z.object({
  category: z.enum(CATEGORY_IDS),
  startRoute: z.enum(['ex_officio', 'emergency', 'application', 'complaint']),
  title: text('案由/事项名称', 200),
  source: z.string().trim().max(200).nullable().optional(),
  summary: z.string().trim().max(5000).nullable().optional(),
  unitId: uuidParam.nullable().optional(),
  originMatterId: uuidParam.nullable().optional(),
  parties: z.array(partyInput).max(50).default([]),
  officerIds: z.array(uuidParam).min(1, '至少指定一名承办人员').max(20),
});

export const stepInput = z.object({
  step: z.string().trim().min(1).max(60),
  occurredAt: instant,
  place: z.string().trim().max(200).nullable().optional(),
  note: z.string().trim().max(5000).nullable().optional(),
  officerIds: z.array(uuidParam).max(20).default([]),
  avConditionApplies: z.boolean().nullable().optional(),
  avOmission: z.object({ writtenReason: text('未音像记录的书面理由', 2000), forbiddenConditionId: z.string().max(60).nullable().optional() }).nullable().optional(),
  details: z.record(z.string(), z.unknown()).nullable().optional(),
});

export const approvalDecisionInput = z.object({
  decision: z.enum(['approve', 'return']),
  opinion: text('意见', 2000),
  signatureDataUrl: z.string().max(2_000_000).nullable().optional(),
});

export const matterSearchQuery = z.object({
  q: z.string().trim().max(100).optional(),
  number: z.string().trim().max(60).optional(),
  party: z.string().trim().max(100).optional(),
  category: z.enum(CATEGORY_IDS).optional(),
  phase: z.enum(['start', 'investigation', 'review_decision', 'service_execution', 'archiving']).optional(),
  status: z.enum(['open', 'closed', 'archived']).optional(),
  unitId: uuidParam.optional(),
  officerId: uuidParam.optional(),
  from: instant.optional(),
  to: instant.optional(),
  // Deep pages are for narrowing the search, not paging: 200 pages of 50 reach the count cap.
  page: z.coerce.number().int().min(1).max(200, '最多翻到第 200 页，请增加检索条件缩小范围').default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const matterCountQuery = matterSearchQuery.omit({ page: true, pageSize: true });

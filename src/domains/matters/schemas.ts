import { z } from 'zod';
import { CATEGORY_IDS } from '../../rules/profiles/vocabulary.js';
import { uuidParam } from '../../shared/http-schemas.js';

const text = (label: string, max: number) => z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 字`);
const instant = z.iso.datetime({ offset: true, error: '时间格式应为 ISO 8601' }).transform((s) => new Date(s));

// 当事人: a natural person with an ID number, or a legal person with its 统一社会信用代码.
export const partyInput = z
  .object({
    kind: z.enum(['natural', 'legal']),
    name: text('当事人名称', 100),
    idType: z.enum(['resident_id', 'passport', 'other_id', 'uscc']),
    idNumber: text('证件号码', 40),
    address: z.string().trim().max(200).nullable().optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    legalRepresentative: z.string().trim().max(50).nullable().optional(),
  })
  .refine((p) => (p.kind === 'legal') === (p.idType === 'uscc'), { message: '法人或其他组织使用统一社会信用代码，自然人使用身份证件', path: ['idType'] });

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

import { z } from 'zod';
import { isValidHhMm } from '../calendar/shanghai-day.js';
import { deadlineRuleSchema } from '../deadlines/deadline-rule.js';
import { CATEGORY_IDS, CHECKLIST_LEVELS, RECORDING_MEANS, type ChecklistLevel, type RecordingMeans } from './vocabulary.js';

// A policy profile (POL-1): every number and list in which the five seeds differ, each value
// with the article it comes from, so a finding can quote its rule. Where a seed is silent the
// value is null with the reason; the profile never invents a number.

/** 'agency' marks a value an agency set itself through an override; 'national' a national law. */
export const ruleSourceSchema = z.object({
  seed: z.enum(['S0', 'S1', 'S2', 'S3', 'S4', 'national', 'agency']),
  article: z.string().min(1),
  /** The words of the article, verbatim, which a finding quotes. */
  quote: z.string().min(1),
});
export type RuleSource = z.infer<typeof ruleSourceSchema>;

const silentSchema = z.object({ value: z.null(), reason: z.string().min(1), source: ruleSourceSchema.optional() });

/** A parameter: a value with its source, or null with the reason the seed gives none. */
function parameter<T extends z.ZodType>(value: T) {
  return z.union([z.object({ value, source: ruleSourceSchema, note: z.string().optional() }), silentSchema]);
}

const timeOfDay = z.string().refine(isValidHhMm, { message: '时间须为 HH:mm' });
const identifier = z.string().regex(/^[a-z][a-z0-9_]*$/, { message: '标识须为小写英文、数字和下划线' });
const profileId = z.string().regex(/^[a-z][a-z0-9_-]*$/, { message: '方案标识须为小写英文、数字、连字符和下划线' });

export const avStorageLimitSchema = z.object({
  /** What the limit runs from: the end of recording, or the officer's return to the office. */
  anchor: z.enum(['recordingEnd', 'return']),
  rule: deadlineRuleSchema,
});

export const checklistRowSchema = z.object({
  categories: z.array(z.enum(CATEGORY_IDS)).min(1),
  activity: identifier,
  level: z.enum(Object.keys(CHECKLIST_LEVELS) as [ChecklistLevel, ...ChecklistLevel[]]),
  /** 要点: what the recording must show, verbatim from the seed where it lists them. */
  keyPoints: z.array(z.string().min(1)),
  means: z.array(z.enum(Object.keys(RECORDING_MEANS) as [RecordingMeans, ...RecordingMeans[]])),
  /** When a mandatory row applies only in a situation (e.g. "容易引起行政争议的"). */
  condition: z.string().min(1).nullable(),
  source: ruleSourceSchema,
  note: z.string().optional(),
});
export type ChecklistRow = z.infer<typeof checklistRowSchema>;

export const forbiddenConditionSchema = z.object({ id: identifier, text: z.string().min(1), source: ruleSourceSchema });

export const checklistSchema = z.object({
  /** The article that obliges the agency to keep a 音像记录事项清单. */
  source: ruleSourceSchema.nullable(),
  rows: z.array(checklistRowSchema),
  /** Situations in which AV must not be made (S2 第八条); an omission citing one is justified. */
  forbiddenConditions: z.array(forbiddenConditionSchema),
});

export const profileParametersSchema = z.object({
  avStorage: z.object({
    standard: parameter(avStorageLimitSchema),
    remoteWork: parameter(avStorageLimitSchema),
    approvedException: parameter(avStorageLimitSchema),
  }),
  avOrganising: parameter(deadlineRuleSchema),
  archiving: parameter(deadlineRuleSchema),
  disclosure: z.object({
    licensingAndPenalty: parameter(deadlineRuleSchema),
    otherDecisions: parameter(deadlineRuleSchema),
  }),
  legalReview: z.object({ standard: parameter(deadlineRuleSchema), extension: parameter(deadlineRuleSchema) }),
  emergencyRetroApproval: parameter(deadlineRuleSchema),
  avRetention: z.object({
    minimumYears: parameter(z.number().int().positive()),
    longTermTriggers: parameter(z.array(z.object({ id: identifier, text: z.string().min(1) })).min(1)),
  }),
  announcement: parameter(z.string().min(1)),
  workdayEnd: parameter(timeOfDay),
  /** Whether an N-calendar-day limit ending on a rest day ends on the next working day instead (CAL-2). */
  calendarDayRollover: parameter(z.boolean()),
  equipmentStandard: parameter(
    z.object({ device: z.enum(['body_camera']), perUnit: z.number().int().positive(), unit: z.enum(['team']) }),
  ),
  minimumInvestigationOfficers: parameter(z.number().int().min(1)),
});

export const profileSchema = z.object({
  id: profileId,
  version: z.number().int().positive(),
  name: z.string().min(1),
  /** The seed the profile started from. */
  seed: z.enum(['S0', 'S1', 'S2', 'S3', 'S4']),
  issuer: z.string().min(1),
  basedOn: z.object({ id: profileId, version: z.number().int().positive() }).nullable(),
  parameters: profileParametersSchema,
  checklist: checklistSchema,
});

export type PolicyProfile = z.infer<typeof profileSchema>;
export type ProfileParameters = PolicyProfile['parameters'];
export type AvStorageLimit = z.infer<typeof avStorageLimitSchema>;

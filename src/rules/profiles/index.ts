export { applyOverrides, PARAMETER_PATHS } from './apply-overrides.js';
export type { ParameterPath, ParameterValues, ProfileOverrides } from './apply-overrides.js';
export { loadBuiltInProfiles, validateProfile } from './load-profiles.js';
export type { ProfileIssue, ProfileValidation } from './load-profiles.js';
export {
  checklistRowSchema,
  checklistSchema,
  profileParametersSchema,
  profileSchema,
  ruleSourceSchema,
} from './profile-schema.js';
export type { AvStorageLimit, ChecklistRow, PolicyProfile, ProfileParameters, RuleSource } from './profile-schema.js';
export * from './vocabulary.js';
export { deadlineContextOf } from './deadline-context.js';

import type { PolicyProfile, ProfileParameters, RuleSource, ChecklistRow } from './profile-schema.js';
import { validateProfile, type ProfileValidation } from './load-profiles.js';

// An agency adjusts its profile by giving new values for named parameters (POL-1). The result
// is a new version that names the profile it came from; the agency's values cite the agency's
// own decision as their source, so a finding under them quotes that decision, not the seed.

type ValueOf<P> = P extends { value: infer V } ? Exclude<V, null> : never;

/** Every adjustable parameter, as a dotted path, with the type of its value. */
export interface ParameterValues {
  'avStorage.standard': ValueOf<ProfileParameters['avStorage']['standard']>;
  'avStorage.remoteWork': ValueOf<ProfileParameters['avStorage']['remoteWork']>;
  'avStorage.approvedException': ValueOf<ProfileParameters['avStorage']['approvedException']>;
  avOrganising: ValueOf<ProfileParameters['avOrganising']>;
  archiving: ValueOf<ProfileParameters['archiving']>;
  'disclosure.licensingAndPenalty': ValueOf<ProfileParameters['disclosure']['licensingAndPenalty']>;
  'disclosure.otherDecisions': ValueOf<ProfileParameters['disclosure']['otherDecisions']>;
  'legalReview.standard': ValueOf<ProfileParameters['legalReview']['standard']>;
  'legalReview.extension': ValueOf<ProfileParameters['legalReview']['extension']>;
  emergencyRetroApproval: ValueOf<ProfileParameters['emergencyRetroApproval']>;
  'avRetention.minimumYears': ValueOf<ProfileParameters['avRetention']['minimumYears']>;
  'avRetention.longTermTriggers': ValueOf<ProfileParameters['avRetention']['longTermTriggers']>;
  announcement: ValueOf<ProfileParameters['announcement']>;
  workdayEnd: ValueOf<ProfileParameters['workdayEnd']>;
  calendarDayRollover: ValueOf<ProfileParameters['calendarDayRollover']>;
  equipmentStandard: ValueOf<ProfileParameters['equipmentStandard']>;
  minimumInvestigationOfficers: ValueOf<ProfileParameters['minimumInvestigationOfficers']>;
}

export type ParameterPath = keyof ParameterValues;

export const PARAMETER_PATHS: readonly ParameterPath[] = [
  'avStorage.standard',
  'avStorage.remoteWork',
  'avStorage.approvedException',
  'avOrganising',
  'archiving',
  'disclosure.licensingAndPenalty',
  'disclosure.otherDecisions',
  'legalReview.standard',
  'legalReview.extension',
  'emergencyRetroApproval',
  'avRetention.minimumYears',
  'avRetention.longTermTriggers',
  'announcement',
  'workdayEnd',
  'calendarDayRollover',
  'equipmentStandard',
  'minimumInvestigationOfficers',
];

export interface ProfileOverrides {
  /** New values; null removes a value (the agency then has no such limit). */
  parameters?: { [P in ParameterPath]?: ParameterValues[P] | null };
  /** A full replacement of the checklist rows, as edited in the table. */
  checklistRows?: ChecklistRow[];
  /** The agency's decision behind the change (document number, meeting, reason); quoted by findings. */
  basis: string;
  name?: string;
}

/**
 * Overrides as they arrive (a request body, a test's bad input): applyOverrides checks the
 * resulting profile as a whole, so it takes them unchecked; a typed ProfileOverrides is one of them.
 */
export type UncheckedOverrides = { parameters?: Record<string, unknown>; checklistRows?: unknown[]; basis: string; name?: string };

export function applyOverrides(profile: PolicyProfile, overrides: ProfileOverrides | UncheckedOverrides): ProfileValidation {
  const next = structuredClone(profile) as PolicyProfile;
  const unknownPaths = Object.keys(overrides.parameters ?? {}).filter((path) => !PARAMETER_PATHS.includes(path as ParameterPath));
  if (unknownPaths.length > 0) {
    return { ok: false, issues: unknownPaths.map((path) => ({ path: `parameters.${path}`, message: '没有这个参数' })) };
  }
  if (!overrides.basis?.trim()) return { ok: false, issues: [{ path: 'basis', message: '请写明调整依据' }] };

  for (const [path, value] of Object.entries(overrides.parameters ?? {})) {
    const keys = path.split('.');
    const leaf = keys.pop()!;
    let container = next.parameters as unknown as Record<string, Record<string, unknown>>;
    for (const key of keys) container = container[key] as unknown as Record<string, Record<string, unknown>>;
    const previous = container[leaf] as { source?: RuleSource } | undefined;
    // A national law is named by its title alone: 'national' is a key, not words for the page.
    const source = previous?.source;
    const replaced = !source ? '' : source.seed === 'national' ? `（原为${source.article}）` : `（原为 ${source.seed} ${source.article}）`;
    container[leaf] =
      value === null
        ? { value: null, reason: `本机关调整：${overrides.basis}${replaced}` }
        : { value, source: agencySource(overrides.basis), note: `本机关调整${replaced}` };
  }
  // Checked with the rest of the profile by validateProfile below.
  if (overrides.checklistRows) next.checklist.rows = overrides.checklistRows as ChecklistRow[];
  if (overrides.name) next.name = overrides.name;
  next.basedOn = { id: profile.id, version: profile.version };
  next.version = profile.version + 1;
  return validateProfile(next);
}

function agencySource(basis: string): RuleSource {
  return { seed: 'agency', article: '本机关调整', quote: basis };
}

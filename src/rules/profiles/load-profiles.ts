import s0 from './s0-zuojiawu.json' with { type: 'json' };
import s1 from './s1-fushun-culture-market.json' with { type: 'json' };
import s2 from './s2-guangyang-emergency.json' with { type: 'json' };
import s3 from './s3-fangcheng-market.json' with { type: 'json' };
import s4 from './s4-qingyang.json' with { type: 'json' };
import { profileSchema, type PolicyProfile } from './profile-schema.js';

export interface ProfileIssue {
  /** Dotted path of the offending value, e.g. 'parameters.archiving.value.days'. */
  path: string;
  message: string;
}

export type ProfileValidation = { ok: true; profile: PolicyProfile } | { ok: false; issues: ProfileIssue[] };

export function validateProfile(input: unknown): ProfileValidation {
  const parsed = profileSchema.safeParse(input);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}

/** The five profiles that ship with the product, one per seed, validated on load. */
export function loadBuiltInProfiles(): PolicyProfile[] {
  return [s0, s1, s2, s3, s4].map((data) => {
    const result = validateProfile(data);
    if (!result.ok) {
      const first = result.issues[0];
      throw new Error(`built-in profile ${String((data as { id?: unknown }).id)} is invalid at ${first?.path}: ${first?.message}`);
    }
    return result.profile;
  });
}

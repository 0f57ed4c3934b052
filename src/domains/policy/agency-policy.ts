import { and, desc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client.js';
import { lockAgency } from '../../db/locks.js';
import { agencyPolicyVersions } from '../../db/schema/index.js';
import { applyOverrides, type ProfileOverrides } from '../../rules/profiles/apply-overrides.js';
import { loadBuiltInProfiles } from '../../rules/profiles/load-profiles.js';
import { withParametersAddedLater } from '../../rules/profiles/parameters-added-later.js';
import type { PolicyProfile } from '../../rules/profiles/profile-schema.js';
import { AppError, notFound } from '../../shared/errors.js';
import { iso } from '../../shared/http-schemas.js';
import { recordAudit, type Actor } from '../audit/record-audit.js';

// POL-1: an agency starts from one of the built-in profiles and adjusts it. Every choice or
// adjustment is a new row; the profile inside carries the agency's version number, so a
// finding's rule (profile id + version + seed + article) names exactly what it applied.

const builtIns = loadBuiltInProfiles();
export const builtInProfiles = (): readonly PolicyProfile[] => builtIns;

export function builtInProfile(id: string): PolicyProfile {
  const p = builtIns.find((b) => b.id === id);
  if (!p) throw notFound('执法规范方案');
  return p;
}

type VersionRow = typeof agencyPolicyVersions.$inferSelect;
const present = (r: VersionRow) => ({
  version: r.version,
  builtInProfileId: r.builtInProfileId,
  basis: r.basis,
  createdAt: iso(r.createdAt)!,
  createdByName: r.createdByName,
  profile: withParametersAddedLater(r.profile as PolicyProfile),
});
export type AgencyPolicyVersion = ReturnType<typeof present>;

export async function currentPolicy(db: DbOrTx, agencyId: string): Promise<AgencyPolicyVersion | null> {
  const [row] = await db.select().from(agencyPolicyVersions).where(eq(agencyPolicyVersions.agencyId, agencyId)).orderBy(desc(agencyPolicyVersions.version)).limit(1);
  return row ? present(row) : null;
}

export async function policyVersion(db: Db, agencyId: string, version: number) {
  const [row] = await db.select().from(agencyPolicyVersions).where(and(eq(agencyPolicyVersions.agencyId, agencyId), eq(agencyPolicyVersions.version, version)));
  if (!row) throw notFound('方案版本');
  return present(row);
}

export async function listPolicyVersions(db: Db, agencyId: string) {
  const rows = await db.select().from(agencyPolicyVersions).where(eq(agencyPolicyVersions.agencyId, agencyId)).orderBy(desc(agencyPolicyVersions.version));
  return rows.map((r) => {
    const { profile, ...rest } = present(r);
    return { ...rest, profileName: profile.name, seed: profile.seed };
  });
}

type VersionChange = (previous: AgencyPolicyVersion | null) => { builtInProfileId: string; profile: PolicyProfile; basis: string; action: 'policy.chosen' | 'policy.adjusted' };

/**
 * A new version is decided against the locked agency, from the version current at that moment.
 * `baseVersion` is the version the administrator looked at (0: none yet); when another version
 * came in between, two adjustments would both be based on the same previous one: CONFLICT.
 */
async function saveVersion(db: Db, actor: Actor, agencyId: string, baseVersion: number | undefined, change: VersionChange, now: Date) {
  return db.transaction(async (tx) => {
    await lockAgency(tx, agencyId);
    const previous = await currentPolicy(tx, agencyId);
    if (baseVersion !== undefined && baseVersion !== (previous?.version ?? 0)) throw new AppError('CONFLICT', `方案已被他人修改（现为第 ${previous?.version ?? 0} 版），请刷新后重试`);
    const input = change(previous);
    const version = (previous?.version ?? 0) + 1;
    const profile: PolicyProfile = { ...input.profile, version };
    const [row] = await tx
      .insert(agencyPolicyVersions)
      .values({ agencyId, version, builtInProfileId: input.builtInProfileId, profile, basis: input.basis, createdAt: now, createdByUserId: actor.userId, createdByName: actor.name })
      .returning();
    await recordAudit(tx, actor, {
      action: input.action,
      agencyId,
      objectType: 'agency_policy',
      objectId: `${agencyId}:${version}`,
      details: { version, builtInProfileId: input.builtInProfileId, basis: input.basis },
      before: previous ? { version: previous.version, parameters: previous.profile.parameters, checklistRows: previous.profile.checklist.rows.length } : null,
      after: { version, parameters: profile.parameters, checklistRows: profile.checklist.rows.length },
      commitments: [{ kind: 'policy_version', id: row!.id }],
    }, now);
    return present(row!);
  });
}

/** The agency adopts a built-in profile as it ships (its earlier adjustments stay in history). */
export async function choosePolicyProfile(db: Db, actor: Actor, agencyId: string, input: { profileId: string; basis: string; baseVersion?: number }, now: Date) {
  const base = builtInProfile(input.profileId);
  const profile: PolicyProfile = { ...structuredClone(base), basedOn: { id: base.id, version: base.version } };
  return saveVersion(db, actor, agencyId, input.baseVersion, () => ({ builtInProfileId: base.id, profile, basis: input.basis, action: 'policy.chosen' }), now);
}

/** New values for parameters and/or a new checklist, validated against the profile schema. */
export async function adjustPolicy(db: Db, actor: Actor, agencyId: string, overrides: ProfileOverrides & { baseVersion?: number }, now: Date) {
  return saveVersion(db, actor, agencyId, overrides.baseVersion, (before) => {
    if (!before) throw new AppError('CONFLICT', '本机关尚未选择执法规范方案，请先选择');
    const result = applyOverrides(before.profile, overrides);
    if (!result.ok) {
      const first = result.issues[0]!;
      throw new AppError('VALIDATION_FAILED', `方案调整无效：${first.path} ${first.message}`, { issues: result.issues.map((i) => ({ field: i.path, message: i.message })) });
    }
    return { builtInProfileId: before.builtInProfileId, profile: result.profile, basis: overrides.basis, action: 'policy.adjusted' };
  }, now);
}

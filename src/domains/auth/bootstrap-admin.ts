import { count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { generatePassword } from './secrets.js';

/**
 * While no platform administrator exists (the first start, or `npm run demo` before it), creates
 * `admin`. Returns the generated password (to print once) when none was configured. Several
 * processes starting at once: the unique username lets one create it; the others see it made.
 */
export async function bootstrapAdmin(db: Db, configured: string | undefined, now: Date): Promise<{ created: boolean; generatedPassword?: string }> {
  const [existing] = await db.select({ n: count() }).from(users).where(eq(users.isPlatformAdmin, true));
  if ((existing?.n ?? 0) > 0) return { created: false };
  const password = configured ?? generatePassword();
  checkPasswordPolicy(password, 'admin');
  const passwordHash = await hashPassword(password);
  const created = await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ username: 'admin', displayName: '平台管理员', passwordHash, isPlatformAdmin: true, createdAt: now, updatedAt: now, passwordChangedAt: now })
      .onConflictDoNothing({ target: users.username })
      .returning();
    if (!u) return false;
    await recordAudit(tx, systemActor(), { action: 'system.bootstrap_admin', agencyId: null, objectType: 'user', objectId: u.id }, now);
    return true;
  });
  return created ? { created, generatedPassword: configured ? undefined : password } : { created };
}

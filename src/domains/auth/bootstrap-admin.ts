import { count } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema/index.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';
import { checkPasswordPolicy, hashPassword } from './passwords.js';
import { generatePassword } from './secrets.js';

/**
 * On the first start with an empty database, creates the platform administrator `admin`.
 * Returns the generated password (to print once) when none was configured.
 */
export async function bootstrapAdmin(db: Db, configured: string | undefined, now: Date): Promise<{ created: boolean; generatedPassword?: string }> {
  const [existing] = await db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return { created: false };
  const password = configured ?? generatePassword();
  checkPasswordPolicy(password, 'admin');
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    const [u] = await tx
      .insert(users)
      .values({ username: 'admin', displayName: '平台管理员', passwordHash, isPlatformAdmin: true, createdAt: now, updatedAt: now, passwordChangedAt: now })
      .returning();
    await recordAudit(tx, systemActor(), { action: 'system.bootstrap_admin', agencyId: null, objectType: 'user', objectId: u!.id }, now);
  });
  return { created: true, generatedPassword: configured ? undefined : password };
}

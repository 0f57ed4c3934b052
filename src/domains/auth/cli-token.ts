import { eq } from 'drizzle-orm';
import { users } from '../../db/schema/index.js';
import type { AppContext } from '../../server/context.js';
import { AppError } from '../../shared/errors.js';
import { systemActor, type Actor } from '../audit/record-audit.js';
import { createApiToken } from './api-tokens.js';
import { clearAttempts, reserveAttempt } from './lockout.js';
import { dummyVerify, verifyPassword } from './passwords.js';
import { operatorMayCreateTokenFor, type TokenOwner } from './policy.js';

/**
 * `liuhen token create`: the operator creates a token for a service account of the agency; a
 * person's token only with that person's password (the token then acts as — and is created
 * by — them, counted toward their lock-out like a sign-in).
 */
export async function createTokenFromCli(
  ctx: Pick<AppContext, 'db' | 'config'>,
  input: { agencyId: string; username: string; name: string; days?: number; password?: string },
  now: Date,
) {
  const refused = () => new AppError('FORBIDDEN', '只能为本机关的采集站账号创建令牌；为本人创建须提供本人的正确密码（--password 或 LIUHEN_PASSWORD）');
  const [owner] = await ctx.db.select().from(users).where(eq(users.username, input.username));
  if (!owner) throw new AppError('NOT_FOUND', `用户 ${input.username} 不存在`);
  let actor: Actor = systemActor('liuhen-cli');
  if (owner.kind === 'person') {
    if (!input.password) throw refused();
    const attempt = await reserveAttempt(ctx.db, owner.id, { threshold: ctx.config.lockoutThreshold, lockoutMs: ctx.config.lockoutMs }, now);
    const ok = attempt ? await verifyPassword(attempt.passwordHash ?? '', input.password) : await dummyVerify(input.password);
    if (!ok) throw refused();
    await clearAttempts(ctx.db, owner.id);
    actor = { userId: owner.id, name: owner.displayName, ip: null, userAgent: 'liuhen-cli' };
  }
  const proven = actor.userId;
  const may = (o: TokenOwner) => operatorMayCreateTokenFor(input.agencyId, proven, o);
  return createApiToken(ctx.db, actor, { agencyId: input.agencyId, ownerId: owner.id, name: input.name, expiresInDays: input.days ?? null }, may, now);
}

import { eq } from 'drizzle-orm';
import type { AppContext } from '../../server/context.js';
import { agencies } from '../../db/schema/index.js';
import { AppError } from '../../shared/errors.js';
import { recordAudit, systemActor } from '../audit/record-audit.js';
import { createAgency } from '../org/agencies.js';
import { createMember } from '../org/members.js';
import { createOfficer } from '../org/officers.js';
import type { Role } from '../org/roles.js';
import { createUnit } from '../org/units.js';
import { DEMO_HISTORY_DAYS, seedDemoMatters } from './demo-matters.js';
import { DemoClock } from './demo-run.js';

export const demoAgencyCode = 'demo-fcscjg';

// One user per role, each with a matching officer where the role enforces in the field.
const demoUsers: Array<{ username: string; displayName: string; roles: Role[]; officer?: { unit: number; post: string; cert: string } }> = [
  { username: 'demo.admin', displayName: '系统管理员（演示）', roles: ['admin'] },
  { username: 'demo.handler', displayName: '张执法', roles: ['handler'], officer: { unit: 0, post: '执法队员', cert: 'DEMO-41130001' } },
  { username: 'demo.handler2', displayName: '李执法', roles: ['handler'], officer: { unit: 0, post: '执法队员', cert: 'DEMO-41130002' } },
  { username: 'demo.reviewer', displayName: '王审核', roles: ['reviewer', 'handler'], officer: { unit: 0, post: '执法队队长', cert: 'DEMO-41130003' } },
  { username: 'demo.approver', displayName: '赵局长', roles: ['approver'], officer: { unit: 1, post: '局长', cert: 'DEMO-41130004' } },
  { username: 'demo.legal', displayName: '钱法制', roles: ['legal_reviewer'], officer: { unit: 2, post: '法制审核员', cert: 'DEMO-41130005' } },
  { username: 'demo.archivist', displayName: '孙档案', roles: ['archivist'] },
  { username: 'demo.supervisor', displayName: '周监督（司法局）', roles: ['supervisor'] },
];

export const demoPassword = 'Liuhen-demo-2026';

/** Adds a demo agency with units, officers and one user per role, and its matters. Only ever run on request. */
export async function seedDemo(ctx: AppContext) {
  const { db } = ctx;
  // The agency exists from before its first demo matter; the matters are dated back from today.
  const clock = new DemoClock(new Date(ctx.clock().getTime() - DEMO_HISTORY_DAYS * 86_400_000));
  const now = clock.now();
  const [existing] = await db.select().from(agencies).where(eq(agencies.code, demoAgencyCode));
  if (existing) throw new AppError('DUPLICATE', '演示数据已存在');
  const actor = systemActor('seed-demo');
  const agency = await createAgency(db, actor, { code: demoAgencyCode, name: '方城县市场监督管理局（演示）', kind: 'enforcement_agency', region: '河南省南阳市方城县' }, now);
  const units = [];
  for (const u of [
    { name: '综合执法队', kind: 'enforcement_team' as const },
    { name: '办公室', kind: 'section' as const },
    { name: '法制股', kind: 'legal_affairs' as const },
  ]) {
    units.push(await createUnit(db, actor, agency.id, u, now));
  }
  const year = now.getUTCFullYear();
  const officerIds: Record<string, string> = {};
  for (const d of demoUsers) {
    const user = await createMember(db, actor, agency.id, { username: d.username, displayName: d.displayName, password: demoPassword, roles: d.roles }, now);
    if (!d.officer) continue;
    officerIds[d.username] = (await createOfficer(
      db,
      actor,
      agency.id,
      {
        name: d.displayName,
        unitId: units[d.officer.unit]!.id,
        userId: user.id,
        post: d.officer.post,
        certificateNo: d.officer.cert,
        certificateValidFrom: `${year - 1}-01-01`,
        certificateValidTo: `${year + 4}-12-31`,
        area: '方城县全域',
      },
      now,
    )).id;
  }
  await recordAudit(db, actor, { action: 'demo.seeded', agencyId: agency.id, objectType: 'agency', objectId: agency.id }, now);
  const matters = await seedDemoMatters(ctx, clock, agency.id, { handler: officerIds['demo.handler']!, handler2: officerIds['demo.handler2']! });
  return {
    matters, agency, users: demoUsers.map((u) => ({ username: u.username, roles: u.roles, password: demoPassword })) };
}

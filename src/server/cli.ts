#!/usr/bin/env node
import { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { agencies, users } from '../db/schema/index.js';
import { systemActor } from '../domains/audit/record-audit.js';
import { createTokenFromCli } from '../domains/auth/cli-token.js';
import { bootstrapAdmin } from '../domains/auth/bootstrap-admin.js';
import { seedDemo } from '../domains/demo/seed-demo.js';
import { addWitnessCommands } from '../domains/integrity/witness/witness-command.js';
import { createMember, setRolesAsOperator } from '../domains/org/members.js';
import { roles, type Role } from '../domains/org/roles.js';
import { AppError } from '../shared/errors.js';
import { ConfigError, loadConfig } from './config.js';
import { openContext, startServer } from './start.js';

// The operator's command-line tool `liuhen`. Commands act on the database of the configured
// data folder (or DATABASE_URL) and write audit events like the HTTP API does.
// Positional options: a subcommand's option (witness keygen --name) is its own, not its parent's.
const program = new Command('liuhen').description('留痕 行政执法全过程记录信息管理系统').enablePositionalOptions();

async function withContext<T>(fn: (ctx: Awaited<ReturnType<typeof openContext>>['ctx']) => Promise<T>) {
  const { ctx, close } = await openContext(loadConfig());
  try {
    return await fn(ctx);
  } finally {
    await close();
  }
}

program.command('serve').description('启动服务').action(async () => {
  await startServer(loadConfig());
});

program.command('migrate').description('执行数据库迁移').action(() => withContext(async () => console.log('数据库已迁移到最新版本')));

const db = program.command('db').description('数据库角色（属主迁移、应用角色连接）');
db.command('create-app-role')
  .description('创建应用连接用的最小权限角色（不拥有任何表），迁移并授权，打印应设置的连接串')
  .requiredOption('--name <role>', '角色名，如 liuhen_app')
  .option('--password <password>', '口令（默认随机生成）')
  .action(async (o: { name: string; password?: string }) => {
    const { createAppRoleCommand } = await import('../db/roles-cli.js');
    process.exitCode = await createAppRoleCommand(loadConfig(), o.name, o.password);
  });
db.command('check-role')
  .description('检查应用连接的角色：是否超级用户、是否拥有表（有则返回 1）')
  .action(async () => {
    const { checkRoleCommand } = await import('../db/roles-cli.js');
    process.exitCode = await checkRoleCommand(loadConfig());
  });

program.command('seed-demo').description('写入演示机关、科室、执法人员和每个角色的演示用户').action(() =>
  withContext(async (ctx) => {
    // Before the first `npm start` too: the platform administrator is made here then, not skipped.
    const admin = await bootstrapAdmin(ctx.db, ctx.config.adminPassword, ctx.clock());
    if (admin.generatedPassword) console.log(`已创建平台管理员 admin，初始密码：${admin.generatedPassword}（请登录后立即修改）`);
    const res = await seedDemo(ctx);
    console.log(`演示机关：${res.agency.name}；演示事项 ${res.matters.length} 件：${res.matters.map((m) => `${m.number}（${m.title}）`).join('、')}`);
    console.table(res.users.map((u) => ({ 用户名: u.username, 角色: u.roles.join(','), 密码: u.password })));
  }),
);

program
  .command('create-user')
  .description('在某机关新建用户；用户已存在时设置其在该机关的角色（可借此加入第二个机关）')
  .requiredOption('--agency <code>', '机关编码')
  .requiredOption('--username <name>', '用户名')
  .option('--name <displayName>', '姓名')
  .option('--password <password>', '初始密码（至少 10 位，含字母和数字，不能是常见密码）')
  .requiredOption('--roles <list>', `角色，逗号分隔：${roles.join(',')}`)
  .action((o: { agency: string; username: string; name?: string; password?: string; roles: string }) =>
    withContext(async (ctx) => {
      const roleList = o.roles.split(',').map((r) => r.trim()) as Role[];
      const bad = roleList.filter((r) => !roles.includes(r));
      if (bad.length) throw new AppError('VALIDATION_FAILED', `未知角色：${bad.join(',')}`);
      const agency = await agencyByCode(ctx.db, o.agency);
      const [existing] = await ctx.db.select().from(users).where(eq(users.username, o.username));
      const actor = systemActor('liuhen-cli');
      if (existing) {
        await setRolesAsOperator(ctx.db, actor, agency.id, existing.id, roleList, ctx.clock());
        console.log(`已设置 ${o.username} 在 ${agency.name} 的角色：${roleList.join(',')}`);
        return;
      }
      if (!o.password) throw new AppError('VALIDATION_FAILED', '新用户需要 --password');
      await createMember(ctx.db, actor, agency.id, { username: o.username, displayName: o.name ?? o.username, password: o.password, roles: roleList }, ctx.clock());
      console.log(`已创建用户 ${o.username}（${agency.name}）`);
    }),
  );

const token = program.command('token').description('API 令牌');
token
  .command('create')
  .description('创建 API 令牌（只显示一次）：为本机关的采集站账号；或为用户本人（须由本人输入其密码，令牌不能代表他人）')
  .requiredOption('--agency <code>', '机关编码')
  .requiredOption('--username <name>', '采集站账号的用户名，或本人的用户名')
  .requiredOption('--name <name>', '令牌名称，如“一号采集站”')
  .option('--days <n>', '有效天数', (v) => Number.parseInt(v, 10))
  .option('--password <password>', '为本人创建时：本人的密码（也可用环境变量 LIUHEN_PASSWORD）')
  .action((o: { agency: string; username: string; name: string; days?: number; password?: string }) =>
    withContext(async (ctx) => {
      const agency = await agencyByCode(ctx.db, o.agency);
      const t = await createTokenFromCli(ctx, { agencyId: agency.id, username: o.username, name: o.name, days: o.days, password: o.password ?? process.env.LIUHEN_PASSWORD }, ctx.clock());
      console.log(t.token);
    }),
  );

program
  .command('ingest')
  .description('采集站：把文件夹中的音像文件断点续传入库（先算 SHA-256，入库后核对；默认不删除本地文件）')
  .argument('<folder>', '要上传的文件夹，约定为 <设备编号>/<执法证号>/<文件>')
  .requiredOption('--server <url>', '留痕服务地址，如 https://liuhen.example.gov.cn')
  .requiredOption('--token <token>', 'API 令牌（lht_…）')
  .option('--agency <id>', '机关 ID（默认取令牌所属机关）')
  .option('--mapping <file>', '映射文件（JSON）：defaults / devices / files 的设备、执法证号、执法事项等')
  .option('--delete-after', '核对无误后删除本地文件', false)
  .action(async (folder: string, o: { server: string; token: string; agency?: string; mapping?: string; deleteAfter: boolean }) => {
    const { ingestFolder } = await import('../ingest-agent/ingest-folder.js');
    const summary = await ingestFolder({ folder, server: o.server, token: o.token, agencyId: o.agency, mappingPath: o.mapping, deleteAfter: o.deleteAfter });
    if (summary.failed.length) process.exitCode = 1;
  });

program
  .command('verify')
  .description('完整性校验：重算日志的 Merkle 树并核对每个签名检查点，核对每条审计事件、每条不可变记录的内容哈希，重新计算每个原件的 SHA-256；全部一致时退出码为 0')
  .option('--json', '以 JSON 输出（供程序读取）', false)
  .option('--only <list>', '只做其中几项，逗号分隔：log,events,records,objects')
  .option('--resume', '从上次中断处继续（进度保存在数据目录的 verify-state.json）', false)
  .option('--state <file>', '进度文件的位置')
  .option('--baseline', '先为尚无承诺的已有不可变记录写入完整性基线', false)
  .action((o: { json: boolean; only?: string; resume: boolean; state?: string; baseline: boolean }) =>
    withContext(async (ctx) => {
      const { verifyCommand } = await import('../domains/integrity/verify/cli-verify.js');
      process.exitCode = await verifyCommand(ctx, o);
    }),
  );

// Run by a supervising body on its own machine: needs no database, only the deployment's URL.
addWitnessCommands(program);

async function agencyByCode(db: Awaited<ReturnType<typeof openContext>>['ctx']['db'], code: string) {
  const [agency] = await db.select().from(agencies).where(eq(agencies.code, code));
  if (!agency) throw new AppError('NOT_FOUND', `机关编码 ${code} 不存在`);
  return agency;
}

program.parseAsync().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof AppError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});

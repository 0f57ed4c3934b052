import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Config } from '../server/config.js';
import { openDatabase } from './client.js';
import { checkAppRole, createAppRoleSql } from './roles.js';

// `liuhen db create-app-role` and `liuhen db check-role`: the operator's side of the two roles.

const masked = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

/**
 * Creates the app role (when the owner may create roles; otherwise prints the SQL for the DBA),
 * migrates as the owner and grants the role its rights, then prints what to configure.
 */
export async function createAppRoleCommand(config: Config, name: string, password = randomBytes(18).toString('base64url')): Promise<number> {
  const ownerUrl = config.migrationDatabaseUrl ?? config.databaseUrl;
  if (!ownerUrl) {
    console.error('未设置 DATABASE_URL：内置数据库 (PGlite) 只有一个用户，无需应用角色。');
    return 1;
  }
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  let created = false;
  try {
    const exists = (await owner.query('select 1 from pg_roles where rolname = $1', [name])).rowCount;
    if (!exists) {
      try {
        await owner.query(createAppRoleSql(name, password));
        created = true;
      } catch (err) {
        if ((err as { code?: string }).code !== '42501') throw err;
        console.error(`属主角色无权创建角色。请数据库管理员以超级用户执行：\n  ${createAppRoleSql(name, '<口令>')};\n然后再次运行本命令。`);
        return 1;
      }
    }
  } finally {
    await owner.end();
  }
  const appUrl = new URL(ownerUrl);
  appUrl.username = name;
  appUrl.password = created ? password : '';
  const database = await openDatabase({ databaseUrl: appUrl.toString(), migrationDatabaseUrl: ownerUrl, appRole: name, dataDir: config.dataDir, poolMax: 2 });
  try {
    await database.migrate();
  } finally {
    await database.close();
  }
  console.log(created ? `已创建应用角色 ${name}，并授予其所需权限。` : `应用角色 ${name} 已存在，已重新授予其所需权限（口令未改）。`);
  console.log('请这样配置留痕服务 (configure the server with):');
  console.log(`  DATABASE_URL=${created ? appUrl.toString() : masked(appUrl.toString())}`);
  console.log(`  LIUHEN_MIGRATION_DATABASE_URL=${masked(ownerUrl)}   # 属主角色，仅迁移和授权时使用`);
  return 0;
}

/** Prints whether the app's connection holds more rights than it should; exit code 1 if so. */
export async function checkRoleCommand(config: Config): Promise<number> {
  if (!config.databaseUrl) {
    console.log('内置数据库 (PGlite)：无角色可查。');
    return 0;
  }
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: 1 });
  try {
    const check = await checkAppRole(database.db);
    if (!check.warnings.length) console.log(`应用角色 ${check.role}：不是超级用户，不拥有任何表。`);
    for (const w of check.warnings) console.log(`警告：${w}`);
    return check.warnings.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

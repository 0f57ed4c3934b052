import { accessSync, constants } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

// Configuration is read from the environment and validated once at boot (STYLE habit 10).
// Every variable is listed in the README's configuration table.
const boolFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const executable = z.string().refine((p) => {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}, '不是可执行文件（路径不存在或无执行权限）');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LIUHEN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, '必须是 postgres:// 连接串').optional(),
  // Two roles (INT-2): the owner migrates through this URL; DATABASE_URL is the app role, which
  // owns no table. Unset: DATABASE_URL migrates (dev), or nothing does when migrations are current.
  LIUHEN_MIGRATION_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, '必须是 postgres:// 连接串').optional(),
  // The role the owner grants the app's rights to; by default the user of DATABASE_URL.
  LIUHEN_APP_ROLE: z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, '须为小写字母、数字、下划线组成的角色名').optional(),
  LIUHEN_ADMIN_PASSWORD: z.string().min(10, '至少 10 个字符').optional(),
  LIUHEN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LIUHEN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LIUHEN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LIUHEN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LIUHEN_SECURE_COOKIES: boolFlag.default(false),
  LIUHEN_TRUST_PROXY: boolFlag.default(false),
  // Where clients reach this server (e.g. https://liuhen.example.gov.cn). Links we hand out (the
  // tus upload Location) are built from it, never from the request's Host header; unset, they
  // are relative paths, which tus clients resolve against the address they called.
  LIUHEN_PUBLIC_URL: z.url({ protocol: /^https?$/, error: '必须是 http:// 或 https:// 开头的 URL' }).transform((u) => u.replace(/\/+$/, '')).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // AV ingest (AV-2): unfinished tus uploads expire; one size limit per upload.
  LIUHEN_UPLOAD_EXPIRY_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(72),
  LIUHEN_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).default(8 * 1024 ** 3),
  // Object store (NFR-2): the local folder by default, S3-compatible storage in production.
  LIUHEN_STORE: z.enum(['local', 's3']).default('local'),
  LIUHEN_S3_ENDPOINT: z.url({ error: '必须是 URL' }).optional(),
  LIUHEN_S3_BUCKET: z.string().min(3).optional(),
  LIUHEN_S3_REGION: z.string().min(1).default('us-east-1'),
  LIUHEN_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  LIUHEN_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  LIUHEN_S3_FORCE_PATH_STYLE: boolFlag.default(false),
  // Object Lock (AV-3): originals whose agency rule names no retention are locked this many years
  // from the recording. 30 = the longest fixed archival term (定期30年); a lock can be extended
  // but never shortened, so the default errs on keeping evidence.
  LIUHEN_S3_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(30),
  // Background work (several processes share one database): pool size, findings sweep, job queue.
  LIUHEN_DB_POOL_MAX: z.coerce.number().int().min(2).max(500).default(10),
  LIUHEN_FINDINGS_SWEEP_SECONDS: z.coerce.number().int().min(1).max(24 * 3600).default(300),
  LIUHEN_JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(2000),
  LIUHEN_JOB_LEASE_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // The Merkle log (INT-1): its origin line, signing key, integration and checkpoint periods.
  LIUHEN_LOG_ORIGIN: z.string().regex(/^[^\s+]+$/, '不能含空白或加号').optional(),
  LIUHEN_LOG_SIGNING_KEY_FILE: z.string().min(1).optional(),
  LIUHEN_LOG_INTEGRATE_MS: z.coerce.number().int().min(50).max(600_000).default(1000),
  LIUHEN_CHECKPOINT_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  // Scheduled fixity (INT-3): every object re-hashed once per cycle, a share each tick; the log re-verified periodically.
  LIUHEN_FIXITY_CYCLE_DAYS: z.coerce.number().min(0.001).max(3650).default(30),
  LIUHEN_FIXITY_TICK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  LIUHEN_LOG_CHECK_MINUTES: z.coerce.number().min(0.01).max(7 * 24 * 60).default(60),
  // Media tools (AV-1, AV-6): the binaries from npm unless these name others.
  LIUHEN_FFPROBE: executable.optional(),
  LIUHEN_FFMPEG: executable.optional(),
})
  .refine((e) => !e.LIUHEN_MIGRATION_DATABASE_URL || Boolean(e.DATABASE_URL), { message: 'LIUHEN_MIGRATION_DATABASE_URL 需要同时设置 DATABASE_URL', path: ['LIUHEN_MIGRATION_DATABASE_URL'] })
  .refine((e) => e.LIUHEN_STORE !== 's3' || Boolean(e.LIUHEN_S3_BUCKET), { message: 'LIUHEN_STORE=s3 需要 LIUHEN_S3_BUCKET', path: ['LIUHEN_S3_BUCKET'] });

export type S3StoreConfig = { endpoint?: string; bucket: string; region: string; accessKeyId?: string; secretAccessKey?: string; forcePathStyle: boolean; retentionYears: number };

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  migrationDatabaseUrl?: string;
  appRole?: string;
  adminPassword?: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  lockoutThreshold: number;
  lockoutMs: number;
  secureCookies: boolean;
  trustProxy: boolean;
  publicUrl?: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  uploadExpiryMs: number;
  uploadMaxBytes: number;
  store: { kind: 'local' } | ({ kind: 's3' } & S3StoreConfig);
  dbPoolMax: number;
  findingsSweepMs: number;
  jobPollMs: number;
  jobLeaseMs: number;
  mediaTools: { ffprobe?: string; ffmpeg?: string };
  log: { origin: string; signingKeyFile?: string; integrateMs: number; checkpointMs: number };
  fixity: { cycleDays: number; tickMs: number; logCheckMs: number };
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, so `PORT= npm start` behaves like no PORT at all.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置错误 (invalid configuration):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.LIUHEN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    migrationDatabaseUrl: e.LIUHEN_MIGRATION_DATABASE_URL,
    appRole: e.LIUHEN_APP_ROLE,
    adminPassword: e.LIUHEN_ADMIN_PASSWORD,
    sessionIdleMs: e.LIUHEN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.LIUHEN_SESSION_MAX_HOURS * 3_600_000,
    lockoutThreshold: e.LIUHEN_LOCKOUT_THRESHOLD,
    lockoutMs: e.LIUHEN_LOCKOUT_MINUTES * 60_000,
    secureCookies: e.LIUHEN_SECURE_COOKIES,
    trustProxy: e.LIUHEN_TRUST_PROXY,
    publicUrl: e.LIUHEN_PUBLIC_URL,
    logLevel: e.LOG_LEVEL,
    uploadExpiryMs: e.LIUHEN_UPLOAD_EXPIRY_HOURS * 3_600_000,
    uploadMaxBytes: e.LIUHEN_UPLOAD_MAX_BYTES,
    store:
      e.LIUHEN_STORE === 's3'
        ? { kind: 's3', endpoint: e.LIUHEN_S3_ENDPOINT, bucket: e.LIUHEN_S3_BUCKET!, region: e.LIUHEN_S3_REGION, accessKeyId: e.LIUHEN_S3_ACCESS_KEY_ID, secretAccessKey: e.LIUHEN_S3_SECRET_ACCESS_KEY, forcePathStyle: e.LIUHEN_S3_FORCE_PATH_STYLE, retentionYears: e.LIUHEN_S3_RETENTION_YEARS }
        : { kind: 'local' },
    dbPoolMax: e.LIUHEN_DB_POOL_MAX,
    findingsSweepMs: e.LIUHEN_FINDINGS_SWEEP_SECONDS * 1000,
    jobPollMs: e.LIUHEN_JOB_POLL_MS,
    jobLeaseMs: e.LIUHEN_JOB_LEASE_SECONDS * 1000,
    mediaTools: { ffprobe: e.LIUHEN_FFPROBE, ffmpeg: e.LIUHEN_FFMPEG },
    fixity: { cycleDays: e.LIUHEN_FIXITY_CYCLE_DAYS, tickMs: e.LIUHEN_FIXITY_TICK_SECONDS * 1000, logCheckMs: Math.round(e.LIUHEN_LOG_CHECK_MINUTES * 60_000) },
    log: {
      // The checkpoint's first line names the log: configured, else this deployment's host.
      origin: e.LIUHEN_LOG_ORIGIN ?? (e.LIUHEN_PUBLIC_URL ? `${new URL(e.LIUHEN_PUBLIC_URL).host}/log` : 'liuhen.local/log'),
      signingKeyFile: e.LIUHEN_LOG_SIGNING_KEY_FILE ? resolve(e.LIUHEN_LOG_SIGNING_KEY_FILE) : undefined,
      integrateMs: e.LIUHEN_LOG_INTEGRATE_MS,
      checkpointMs: e.LIUHEN_CHECKPOINT_SECONDS * 1000,
    },
  };
}

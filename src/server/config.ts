import { resolve } from 'node:path';
import { z } from 'zod';

// Configuration is read from the environment and validated once at boot (STYLE habit 10).
// Every variable is listed in the README's configuration table.
const boolFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LIUHEN_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, '必须是 postgres:// 连接串').optional(),
  LIUHEN_ADMIN_PASSWORD: z.string().min(10, '至少 10 个字符').optional(),
  LIUHEN_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  LIUHEN_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LIUHEN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LIUHEN_LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  LIUHEN_SECURE_COOKIES: boolFlag.default(false),
  LIUHEN_TRUST_PROXY: boolFlag.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  lockoutThreshold: number;
  lockoutMs: number;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
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
    adminPassword: e.LIUHEN_ADMIN_PASSWORD,
    sessionIdleMs: e.LIUHEN_SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: e.LIUHEN_SESSION_MAX_HOURS * 3_600_000,
    lockoutThreshold: e.LIUHEN_LOCKOUT_THRESHOLD,
    lockoutMs: e.LIUHEN_LOCKOUT_MINUTES * 60_000,
    secureCookies: e.LIUHEN_SECURE_COOKIES,
    trustProxy: e.LIUHEN_TRUST_PROXY,
    logLevel: e.LOG_LEVEL,
  };
}

import type { FastifyInstance, InjectOptions } from 'fastify';
import { AppError } from '../../shared/errors.js';

// The demo drives the product through its own HTTP API, as its users would: every rule, policy
// and audit event applies to the demo matters exactly as to real ones.

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';

export type DemoSession = { username: string; cookie: string; csrfToken: string };
/** A demo user's own API token: the demo's clock jumps by days, past any session's idle limit. */
export type DemoToken = { username: string; token: string };

export async function demoSignIn(app: FastifyInstance, username: string, password: string): Promise<DemoSession> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new AppError('INTERNAL', `演示用户 ${username} 登录失败：${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'liuhen_sid')!;
  return { username, cookie: `liuhen_sid=${cookie.value}`, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

/** One call as a demo user; anything but the expected success stops the demo with the server's words. */
export async function demoCall<T = Record<string, unknown>>(app: FastifyInstance, who: DemoSession | DemoToken, method: Method, url: string, payload?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  if ('token' in who) headers.authorization = `Bearer ${who.token}`;
  else {
    headers.cookie = who.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = who.csrfToken;
  }
  const res = await app.inject({ method, url, headers, payload: (payload ?? (method === 'GET' ? undefined : {})) as InjectOptions['payload'] });
  if (res.statusCode >= 300) throw new AppError('INTERNAL', `演示数据写入失败（${who.username} ${method} ${url}）：${res.statusCode} ${res.body}`);
  return res.json() as T;
}

import type { FastifyInstance, InjectOptions } from 'fastify';

export type Session = { cookie: string; csrfToken: string };
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Signs in through the real route and keeps the cookie and CSRF token. */
export async function signInAs(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'liuhen_sid');
  return { cookie: `liuhen_sid=${cookie!.value}`, csrfToken: res.json().csrfToken };
}

/** Calls the API as a session (cookie + CSRF header) or as an API token. */
export function client(app: FastifyInstance, who: Session | { token: string } | null) {
  const call = (method: Method, url: string, payload?: unknown, extra: Partial<InjectOptions> = {}) => {
    const headers: Record<string, string> = {};
    if (who && 'cookie' in who) {
      headers.cookie = who.cookie;
      if (method !== 'GET') headers['x-csrf-token'] = who.csrfToken;
    } else if (who) headers.authorization = `Bearer ${who.token}`;
    return app.inject({ method, url, payload: payload as InjectOptions['payload'], ...extra, headers: { ...headers, ...(extra.headers as object) } });
  };
  return {
    get: (url: string) => call('GET', url),
    post: (url: string, body?: unknown) => call('POST', url, body ?? {}),
    put: (url: string, body?: unknown) => call('PUT', url, body ?? {}),
    patch: (url: string, body?: unknown) => call('PATCH', url, body ?? {}),
    call,
  };
}

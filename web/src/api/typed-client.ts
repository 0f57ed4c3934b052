// The API client generated from the server's contract (web/src/api/schema.d.ts, made by
// `npm run api:generate`): paths, parameters, bodies and answers are checked at compile time.
// The middleware adds what every call needs: the CSRF header on writes, the sign-in redirect on
// 401, and one ApiError carrying the server's { code, message, details }.
import createClient, { type Middleware } from 'openapi-fetch';
import { ApiError, currentCsrfToken, signalUnauthorized } from './client.js';
import type { components, paths } from './schema.js';

export type { components, paths };
export type Schemas = components['schemas'];
type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;
/** The success answer (200 or 201) of `method` on `path`. */
export type Answer<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? (R extends { 200: infer A } ? Json<A> : R extends { 201: infer C } ? Json<C> : never) : never;
/** The JSON body `method` on `path` takes. */
export type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
/** The query `method` on `path` takes. */
export type Query<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Where a 401 is an answer for the page itself (wrong password, no session yet), not a redirect.
const noRedirect = new Set(['/api/auth/sign-in', '/api/auth/me', '/api/auth/password']);

const contract: Middleware = {
  onRequest({ request }) {
    const token = currentCsrfToken();
    if (unsafe.has(request.method) && token) request.headers.set('x-csrf-token', token);
    return request;
  },
  async onResponse({ response, schemaPath }) {
    if (response.ok) return response;
    const e = (await response.clone().json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown };
    if (response.status === 401 && !noRedirect.has(schemaPath)) signalUnauthorized();
    throw new ApiError(response.status, e.code ?? `HTTP_${response.status}`, e.message ?? `请求失败（HTTP ${response.status}）`, e.details);
  },
  onError({ error }) {
    if (error instanceof ApiError) return error;
    return new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  },
};

export const apiClient = createClient<paths>({ baseUrl: '', credentials: 'include' });
apiClient.use(contract);

/** The answer of a call; failures were already thrown as ApiError by the middleware. */
export async function answer<T>(call: Promise<{ data?: T }>): Promise<T> {
  return (await call).data as T;
}

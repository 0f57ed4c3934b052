import type { FastifyInstance } from 'fastify';
import { AppError } from '../../shared/errors.js';

/** Deeper JSON than any form of ours nests (documents: fields → rows → cells) is refused. */
export const maxJsonDepth = 32;

export const nulByte = () => new AppError('VALIDATION_FAILED', '输入含有不允许的空字符（\\u0000），请删除后重试');
const tooDeep = () => new AppError('VALIDATION_FAILED', `提交的 JSON 嵌套过深（最多 ${maxJsonDepth} 层）`);

/**
 * PostgreSQL text cannot hold U+0000 (the driver fails and the request became a 500), and a
 * 5,000-deep document overflowed the stack of later recursive code (canonical JSON, zod, jsonb).
 * Both are refused at the door: once for every JSON body, query string and path parameter.
 * Walks iteratively so the check itself cannot overflow.
 */
export function checkInputValue(root: unknown): void {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: root, depth: 0 }];
  while (stack.length) {
    const { v, depth } = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\u0000')) throw nulByte();
    } else if (v !== null && typeof v === 'object') {
      if (depth >= maxJsonDepth) throw tooDeep();
      for (const [k, child] of Object.entries(v)) {
        if (k.includes('\u0000')) throw nulByte();
        stack.push({ v: child, depth: depth + 1 });
      }
    }
  }
}

export function installInputGuards(app: FastifyInstance) {
  // Fastify's own JSON parser (prototype-poisoning protection included), then the checks.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    parseJson(req, typeof body === 'string' ? body : body.toString('utf8'), (err: Error | null, value?: unknown) => {
      if (err) return done(err, undefined);
      try {
        checkInputValue(value);
      } catch (e) {
        return done(e as Error, undefined);
      }
      done(null, value);
    });
  });
  // Runs before the caller is resolved: a NUL byte never reaches a database query.
  app.addHook('preValidation', async (request) => {
    checkInputValue(request.query);
    checkInputValue(request.params);
    if (typeof request.body === 'string') checkInputValue(request.body);
  });
}

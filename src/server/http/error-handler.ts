import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, errorStatus } from '../../shared/errors.js';
import { frameworkError } from './framework-errors.js';

type Issue = { instancePath?: string; message?: string };
type HttpError = FastifyError & { status?: number; cause?: unknown };

// One handler turns every failure into { code, message, details } with a stable code.
// Bad input is always a 4xx; only a fault of ours is a 500.
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError | Error, request, reply) => {
    const appError = toAppError(err);
    if (appError.status >= 500) request.log.error({ err }, 'unhandled error');
    else request.log.info({ code: appError.code, url: request.url }, appError.message);
    return reply.status(appError.status).send({ code: appError.code, message: appError.message, details: appError.details });
  });
  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ code: 'NOT_FOUND', message: `接口不存在：${request.method} ${request.url.split('?')[0]}` });
  });
}

export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as HttpError;
  if (hasZodFastifySchemaValidationErrors(e)) {
    const issues = (e.validation as Issue[]).map((i) => ({ field: fieldName(i.instancePath, e.validationContext), message: i.message }));
    const first = issues[0];
    return new AppError('VALIDATION_FAILED', `输入有误：${first ? `${first.field} ${first.message}` : '请检查填写内容'}`, { issues });
  }
  const dbCode = pgCode(e);
  if (dbCode === '23505') return new AppError('DUPLICATE', '已存在相同的记录（编号、名称或证号重复）', { constraint: pgConstraint(e) });
  if (dbCode === 'P0001') return new AppError('IMMUTABLE', '该记录已定稿或只可追加，不能修改或删除；如需更正请形成新版本');
  if (dbCode === '23503') return new AppError('VALIDATION_FAILED', '引用的对象不存在');
  if (dbCode === '22P02' || dbCode === '22007' || dbCode === '22008') return new AppError('VALIDATION_FAILED', '输入格式不正确');
  const status = typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
  return frameworkError(e.code, status) ?? new AppError('INTERNAL', '服务器内部错误，请稍后重试或联系管理员');
}

function fieldName(path: string | undefined, context: string | undefined) {
  const p = (path ?? '').replace(/^\//, '').replaceAll('/', '.');
  return p || (context ?? '请求');
}

function pgConstraint(err: unknown): string | undefined {
  for (let e = err as { constraint?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.constraint === 'string') return e.constraint;
  }
  return undefined;
}

// Drizzle wraps driver errors; PostgreSQL and PGlite both carry SQLSTATE in `code`.
function pgCode(err: unknown): string | undefined {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export { errorStatus };

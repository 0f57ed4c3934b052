import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError } from '../../shared/errors.js';

// Errors raised below our routes (Fastify's parsers and router, Node's HTTP parser) carry English
// text and no code of ours. Each gets a stable code and a Chinese message, like our own errors.
const byFastifyCode: Record<string, () => AppError> = {
  FST_ERR_CTP_INVALID_JSON_BODY: () => new AppError('BAD_REQUEST', '请求内容不是有效的 JSON'),
  FST_ERR_CTP_EMPTY_JSON_BODY: () => new AppError('BAD_REQUEST', '声明为 JSON 的请求内容为空'),
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: () => new AppError('BAD_REQUEST', '请求内容长度与 Content-Length 不一致'),
  FST_ERR_CTP_BODY_TOO_LARGE: () => new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大'),
  FST_ERR_CTP_INVALID_MEDIA_TYPE: () => new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 JSON 提交'),
  FST_ERR_BAD_URL: () => new AppError('BAD_REQUEST', '请求地址格式不正确'),
  FST_ERR_MAX_PARAM_LENGTH: () => new AppError('URI_TOO_LONG', '请求地址过长'),
  FST_ERR_ASYNC_CONSTRAINT: () => new AppError('BAD_REQUEST', '请求不符合接口的约束'),
  FST_ERR_INVALID_URL: () => new AppError('BAD_REQUEST', '请求地址格式不正确'),
};

const byStatus: Record<number, () => AppError> = {
  400: () => new AppError('BAD_REQUEST', '请求格式不正确'),
  401: () => new AppError('UNAUTHENTICATED', '请先登录'),
  403: () => new AppError('FORBIDDEN', '您没有执行此操作的权限'),
  404: () => new AppError('NOT_FOUND', '请求的内容不存在'),
  405: () => new AppError('METHOD_NOT_ALLOWED', '该接口不支持此请求方法'),
  406: () => new AppError('BAD_REQUEST', '无法按所要求的格式答复'),
  408: () => new AppError('REQUEST_TIMEOUT', '请求超时，请重试'),
  411: () => new AppError('BAD_REQUEST', '请求缺少内容长度'),
  409: () => new AppError('CONFLICT', '请求与当前状态冲突'),
  412: () => new AppError('PRECONDITION_FAILED', '请求的前提条件不满足'),
  413: () => new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大'),
  414: () => new AppError('URI_TOO_LONG', '请求地址过长'),
  415: () => new AppError('UNSUPPORTED_MEDIA_TYPE', '不支持的内容类型，请以 JSON 提交'),
  416: () => new AppError('RANGE_NOT_SATISFIABLE', '请求的范围超出文件大小'),
  429: () => new AppError('RATE_LIMITED', '请求过于频繁，请稍后再试'),
  431: () => new AppError('HEADERS_TOO_LARGE', '请求头过大'),
};

/** A Fastify or Node HTTP error as one of ours; undefined when it is not a client error. */
export function frameworkError(code: unknown, status: number | undefined): AppError | undefined {
  const known = typeof code === 'string' ? byFastifyCode[code] : undefined;
  if (known) return known();
  if (status === undefined || status < 400 || status >= 500) return undefined;
  return (byStatus[status] ?? byStatus[400]!)();
}

/**
 * Node answers malformed requests (headers too large, bad request line, timeouts) before
 * Fastify sees them; this writes the same { code, message } body as every other error.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const e = frameworkError(undefined, status)!;
  const body = JSON.stringify({ code: e.code, message: e.message });
  if (socket.writable) {
    socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`);
  }
  socket.destroy(err);
}

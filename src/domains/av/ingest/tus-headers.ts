import { Metadata } from '@tus/utils';
import type { IncomingHttpHeaders } from 'node:http';
import { AppError } from '../../../shared/errors.js';

const bad = (message: string) => new AppError('BAD_REQUEST', message);
const nonNegativeInteger = (v: string) => /^(0|[1-9][0-9]{0,15})$/.test(v);
const one = (h: string | string[] | undefined) => (Array.isArray(h) ? h.join(',') : h);

/**
 * The tus headers, checked before tus reads the request: tus answers some mistakes itself in
 * English plain text (412 Tus-Resumable, 400 Invalid header) and answers Upload-Concat with 501.
 * Here each gets our code and a Chinese message. Concatenation (parallel uploads) is not offered:
 * an upload is one file received in order.
 */
export function checkTusHeaders(method: string, headers: IncomingHttpHeaders) {
  if (one(headers['tus-resumable']) !== '1.0.0') throw new AppError('PRECONDITION_FAILED', '请求须带 Tus-Resumable: 1.0.0（仅支持 tus 1.0.0）');
  if (headers['upload-concat'] !== undefined) throw bad('不支持并行分段上传（Upload-Concat），请关闭客户端的并行上传');
  const deferLength = one(headers['upload-defer-length']);
  if (deferLength !== undefined) throw bad('须在创建上传时声明文件大小（不支持 Upload-Defer-Length）');
  const length = one(headers['upload-length']);
  if (method === 'POST' && length === undefined) throw bad('创建上传须带 Upload-Length（文件字节数）');
  if (length !== undefined && !nonNegativeInteger(length)) throw bad('Upload-Length 必须是非负整数');
  const offset = one(headers['upload-offset']);
  if (method === 'PATCH' && offset === undefined) throw bad('续传须带 Upload-Offset（已上传的字节数）');
  if (offset !== undefined && !nonNegativeInteger(offset)) throw bad('Upload-Offset 必须是非负整数');
  if (method === 'PATCH' && headers['content-type'] !== 'application/offset+octet-stream') throw new AppError('UNSUPPORTED_MEDIA_TYPE', '续传的 Content-Type 必须是 application/offset+octet-stream');
  const metadata = one(headers['upload-metadata']);
  if (metadata !== undefined) {
    try {
      Metadata.parse(metadata);
    } catch {
      throw bad('Upload-Metadata 格式不正确（应为逗号分隔的“键 Base64值”）');
    }
  }
  const proto = one(headers['x-forwarded-proto']);
  if (proto !== undefined && proto !== 'http' && proto !== 'https') throw bad('X-Forwarded-Proto 只能是 http 或 https');
}

// tus's own errors (ERRORS in @tus/utils) by status and English text, in Chinese with our code.
const tusErrors: Array<[RegExp, () => AppError]> = [
  [/Upload-Offset conflict/, () => new AppError('CONFLICT', '续传位置与服务器已保存的字节数不一致，请先查询进度（HEAD）再续传')],
  [/Upload-Offset header required/, () => bad('续传须带 Upload-Offset（已上传的字节数）')],
  [/Content-Type header required/, () => new AppError('UNSUPPORTED_MEDIA_TYPE', '续传的 Content-Type 必须是 application/offset+octet-stream')],
  [/not found|no longer exists/i, () => new AppError('NOT_FOUND', '上传不存在或已失效，请重新上传')],
  [/size exceeded|Maximum size/i, () => new AppError('PAYLOAD_TOO_LARGE', '超过允许的文件大小')],
  [/Upload-Length|Upload-Defer-Length/, () => bad('创建上传须带 Upload-Length（文件字节数）')],
  [/Upload-Metadata/, () => bad('Upload-Metadata 格式不正确（应为逗号分隔的“键 Base64值”）')],
  [/Concatenation|defer-length|expiration/i, () => bad('不支持该 tus 扩展')],
  [/aborted|lock/i, () => new AppError('UPLOAD_BUSY', '该上传正由另一请求写入，请稍后重试')],
  [/terminate/i, () => new AppError('IMMUTABLE', '已完成的上传不得终止')],
];

/** A tus error ({ status_code, body }) as one of ours; undefined for an unknown 5xx (our fault). */
export function fromTusError(err: { status_code: number; body: string }): AppError | undefined {
  for (const [pattern, make] of tusErrors) if (pattern.test(err.body)) return make();
  if (err.status_code === 501) return bad('不支持该 tus 扩展');
  return err.status_code < 500 ? bad('上传请求格式不正确') : undefined;
}

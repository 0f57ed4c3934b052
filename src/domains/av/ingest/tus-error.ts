import { toAppError } from '../../../server/http/error-handler.js';
import { fromTusError } from './tus-headers.js';

/** Errors leave tus as { status_code, body }: our stable code and Chinese message, as JSON. */
export function toTusError(err: unknown) {
  const tus = err as { status_code?: unknown; body?: unknown };
  const e = (typeof tus.status_code === 'number' && typeof tus.body === 'string' && fromTusError({ status_code: tus.status_code, body: tus.body })) || toAppError(err);
  return { status_code: e.status, body: JSON.stringify({ code: e.code, message: e.message, details: e.details }) };
}

/** Already ours (JSON with a code) when a hook threw toTusError; otherwise tus's own. */
export function isOurTusError(err: unknown) {
  const body = (err as { body?: unknown }).body;
  return typeof body === 'string' && body.startsWith('{"code":');
}

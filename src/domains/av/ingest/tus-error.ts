import { toAppError } from '../../../server/http/error-handler.js';

/** Errors leave tus as { status_code, body }: our stable code and Chinese message, as JSON. */
export function toTusError(err: unknown) {
  const e = toAppError(err);
  return { status_code: e.status, body: JSON.stringify({ code: e.code, message: e.message, details: e.details }) };
}

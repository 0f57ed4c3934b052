import type { FormInstance, message } from 'antd';
import { ApiError } from '../api/client.js';

type MessageInstance = ReturnType<typeof message.useMessage>[0];

export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，请稍后重试';
}

/**
 * Shows a failed request: server validation issues go onto the matching form fields (and an
 * error code named in `fieldForCode` onto that field); the server's Chinese message appears as a toast.
 */
export function showError(err: unknown, msg: MessageInstance, form?: FormInstance, fieldForCode: Record<string, string> = {}) {
  if (form && err instanceof ApiError) {
    const fields = err.issues.map((i) => ({ name: i.field.split('.')[0] ?? i.field, errors: [i.message] }));
    // Errors without a field (duplicate, weak password…) go onto the field they are about.
    const field = fieldForCode[err.code];
    if (!fields.length && field) fields.push({ name: field, errors: [err.message] });
    if (fields.length) form.setFields(fields);
  }
  void msg.error(errorMessage(err));
}

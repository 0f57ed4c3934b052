// One error type for the whole product: a stable machine code for the API, a Chinese message
// for people, and one code → HTTP status map (STYLE habit 6).
export const errorStatus = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  PASSWORD_TOO_WEAK: 400,
  PASSWORD_TOO_COMMON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  SESSION_EXPIRED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  USER_DISABLED: 403,
  SERVICE_ACCOUNT_FORBIDDEN: 403,
  ACCOUNT_IN_OTHER_AGENCY: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  DUPLICATE: 409,
  IMMUTABLE: 409,
  PASSWORD_CHANGED_CONCURRENTLY: 409,
  OUT_OF_ORDER: 409,
  ORIGINAL_DAMAGED: 409,
  DOCUMENT_DAMAGED: 409,
  ACCOUNT_LOCKED: 423,
  UPLOAD_BUSY: 423,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TIMEOUT: 408,
  PRECONDITION_FAILED: 412,
  HEADERS_TOO_LARGE: 431,
  RANGE_NOT_SATISFIABLE: 416,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = errorStatus[code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在或无权查看`);
export const forbidden = (why = '您没有执行此操作的权限') => new AppError('FORBIDDEN', why);

/**
 * The error hierarchy shared by every wazo-ts package. An error says *what* went wrong in the
 * domain's terms (a stable `code`, an `errorId` as Wazo names it, details); it never says how a
 * transport shows it. Each daemon maps codes to HTTP statuses and Wazo's body shapes in one place
 * (the daemon kit's error handler). Errors survive serialization (`toJSON`/`toWazoError`), so they
 * can cross the bus or a REST call and come back with their code and `retryable` flag.
 */

/** Categories of failure; each maps to exactly one HTTP status in the daemon kit. */
export type ErrorCode =
  | 'invalid-data' // 400
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not-found' // 404
  | 'not-allowed' // 405
  | 'conflict' // 409
  | 'too-many-requests' // 429
  | 'internal' // 500
  | 'unavailable'; // 503

export type ErrorDetails = Record<string, unknown>;

export interface WazoErrorOptions {
  /** Wazo's `error_id`; defaults to the code. */
  errorId?: string;
  details?: ErrorDetails;
  /** Wazo's optional `resource` field (e.g. `users`). */
  resource?: string;
  /** True when the same call may succeed later (a dependency was down). */
  retryable?: boolean;
  cause?: unknown;
}

export class WazoError extends Error {
  readonly code: ErrorCode;
  readonly errorId: string;
  readonly details: ErrorDetails;
  readonly resource: string | undefined;
  readonly retryable: boolean;

  constructor(code: ErrorCode, message: string, options: WazoErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.errorId = options.errorId ?? code;
    this.details = options.details ?? {};
    this.resource = options.resource;
    this.retryable = options.retryable ?? code === 'unavailable';
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      errorId: this.errorId,
      details: this.details,
      resource: this.resource,
      retryable: this.retryable,
    };
  }
}

export class InvalidDataError extends WazoError {
  constructor(message = 'Sent data is invalid', options: WazoErrorOptions = {}) {
    super('invalid-data', message, { errorId: 'invalid-data', ...options });
  }
}

export class UnauthorizedError extends WazoError {
  constructor(message = 'Unauthorized', options: WazoErrorOptions = {}) {
    super('unauthorized', message, { errorId: 'unauthorized', ...options });
  }
}

export class ForbiddenError extends WazoError {
  constructor(message = 'Forbidden', options: WazoErrorOptions = {}) {
    super('forbidden', message, options);
  }
}

export class NotFoundError extends WazoError {
  constructor(message = 'Not found', options: WazoErrorOptions = {}) {
    super('not-found', message, options);
  }
}

export class NotAllowedError extends WazoError {
  constructor(message = 'Not allowed', options: WazoErrorOptions = {}) {
    super('not-allowed', message, options);
  }
}

export class ConflictError extends WazoError {
  constructor(message = 'Conflict', options: WazoErrorOptions = {}) {
    super('conflict', message, options);
  }
}

export class TooManyRequestsError extends WazoError {
  constructor(message = 'Too many requests', options: WazoErrorOptions = {}) {
    super('too-many-requests', message, { retryable: true, ...options });
  }
}

export class UnavailableError extends WazoError {
  constructor(message = 'Service unavailable', options: WazoErrorOptions = {}) {
    super('unavailable', message, { retryable: true, ...options });
  }
}

export function isWazoError(value: unknown): value is WazoError {
  return value instanceof WazoError;
}

const codes = new Set<ErrorCode>([
  'invalid-data',
  'unauthorized',
  'forbidden',
  'not-found',
  'not-allowed',
  'conflict',
  'too-many-requests',
  'internal',
  'unavailable',
]);

/** Rebuilds a WazoError from its JSON form (or wraps anything else as an internal error). */
export function toWazoError(value: unknown): WazoError {
  if (value instanceof WazoError) return value;
  if (value && typeof value === 'object' && 'code' in value && codes.has(value.code as ErrorCode)) {
    const v = value as Record<string, unknown>;
    const options: WazoErrorOptions = {};
    if (typeof v.errorId === 'string') options.errorId = v.errorId;
    if (v.details && typeof v.details === 'object') options.details = v.details as ErrorDetails;
    if (typeof v.resource === 'string') options.resource = v.resource;
    if (typeof v.retryable === 'boolean') options.retryable = v.retryable;
    return new WazoError(v.code as ErrorCode, String(v.message ?? ''), options);
  }
  const message = value instanceof Error ? value.message : String(value);
  return new WazoError('internal', message, { cause: value });
}

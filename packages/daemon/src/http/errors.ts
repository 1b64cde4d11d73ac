/**
 * The one place where errors become HTTP answers for a daemon: WazoErrors keep their status and
 * Wazo body shape, schema validation failures become `invalid-data` with the failing fields, and
 * anything unexpected is logged with its stack and answered as a 500 that leaks nothing.
 */
import { InvalidDataError, isWazoError, NotFoundError, WazoError } from '@wazo-ts/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorShape, httpStatusOf, renderError } from './error-shapes.js';

/** One Ajv error, as Fastify hands it over. */
export interface ValidationItem {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
  schemaPath?: string;
}

/**
 * A request the daemon could not read or that its route schema refused, for a daemon that words
 * these failures its own way (wazo-confd's marshmallow strings):
 * - `schema`: Ajv's errors for one part of the request (`body`, `querystring`, `params`...);
 * - `unreadable-body`: Fastify could not parse the body (malformed or empty JSON, media type).
 */
export type RequestFailure =
  | { kind: 'schema'; part: string; items: ValidationItem[]; value: unknown }
  | { kind: 'unreadable-body'; status: number; code: string | undefined; message: string };

/** Returns the error to answer instead of the kit's, or undefined to keep the kit's. */
export type RequestFailureRenderer = (failure: RequestFailure) => WazoError | undefined;

/** Turns Ajv errors into Wazo's `details`: `{field: {message, constraint_id, constraint}}`. */
function validationDetails(items: ValidationItem[], context: string | undefined): Record<string, unknown> {
  const details: Record<string, unknown> = {};
  for (const item of items) {
    const missing = item.params?.missingProperty;
    const path = [item.instancePath?.replace(/^\//, '').replaceAll('/', '.'), missing]
      .filter(Boolean)
      .join('.');
    const field = path || context || 'body';
    details[field] = {
      message: item.message ?? 'invalid value',
      constraint_id: 'invalid',
      constraint: item.params ?? {},
    };
  }
  return details;
}

export interface HttpError {
  wazo: WazoError;
  status: number;
  unexpected: boolean;
}

type FailedRequestError = FastifyError & { validation?: ValidationItem[]; validationContext?: string };

function daemonWording(
  error: FailedRequestError,
  value: unknown,
  render: RequestFailureRenderer | undefined,
): HttpError | undefined {
  if (!render) return undefined;
  const status = error.statusCode ?? 400;
  const failure: RequestFailure = error.validation
    ? { kind: 'schema', part: error.validationContext ?? 'body', items: error.validation, value }
    : { kind: 'unreadable-body', status, code: error.code, message: error.message };
  if (failure.kind === 'unreadable-body' && (status < 400 || status >= 500 || status === 413))
    return undefined;
  const wazo = render(failure);
  return wazo && { wazo, status: httpStatusOf(wazo), unexpected: false };
}

/**
 * `render` lets the daemon word validation and body failures (DaemonDefinition's
 * `renderValidationError`); `value` is the refused part of the request, for that wording.
 */
export function toHttpError(error: unknown, render?: RequestFailureRenderer, value?: unknown): HttpError {
  if (isWazoError(error)) return { wazo: error, status: httpStatusOf(error), unexpected: false };
  const fastifyError = error as FailedRequestError;
  const worded = fastifyError.validation || fastifyError.code?.startsWith('FST_ERR_CTP');
  const own = worded ? daemonWording(fastifyError, value, render) : undefined;
  if (own) return own;
  if (fastifyError.validation) {
    const details = validationDetails(fastifyError.validation, fastifyError.validationContext);
    const summary = Object.entries(details)
      .map(([field, d]) => `${field}: ${(d as { message: string }).message}`)
      .join('; ');
    return {
      wazo: new InvalidDataError(`Sent data is invalid: ${summary}`, { details }),
      status: 400,
      unexpected: false,
    };
  }
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, body too large, unsupported media type) keep
    // their status; the body takes the daemon's shape.
    const code = status === 404 ? 'not-found' : status === 405 ? 'not-allowed' : 'invalid-data';
    return {
      wazo: new WazoError(code, fastifyError.message, { errorId: 'invalid-data' }),
      status,
      unexpected: false,
    };
  }
  const wazo = new WazoError('internal', 'Internal server error', { errorId: 'unexpected-error' });
  return { wazo, status: 500, unexpected: true };
}

function shapeFor(request: FastifyRequest, fallback: ErrorShape): ErrorShape {
  return request.routeOptions.config?.errorShape ?? fallback;
}

function refusedPart(request: FastifyRequest, error: unknown): unknown {
  const part = (error as FailedRequestError).validationContext;
  if (part === 'querystring') return request.query;
  if (part === 'params') return request.params;
  if (part === 'headers') return request.headers;
  return request.body;
}

export function installErrorHandling(
  app: FastifyInstance,
  defaultShape: ErrorShape,
  render?: RequestFailureRenderer,
): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { wazo, status, unexpected } = toHttpError(error, render, refusedPart(request, error));
    if (unexpected) request.log.error({ err: error }, 'unexpected error');
    else if (status >= 500) request.log.warn({ err: error }, wazo.message);
    return reply.code(status).send(renderError(wazo, shapeFor(request, defaultShape)));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new NotFoundError(`No such resource: ${request.method} ${request.url.split('?')[0]}`, {
      errorId: 'not-found',
    });
    return reply.code(404).send(renderError(error, defaultShape));
  });
}

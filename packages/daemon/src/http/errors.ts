/**
 * The one place where errors become HTTP answers for a daemon: WazoErrors keep their status and
 * Wazo body shape, schema validation failures become `invalid-data` with the failing fields, and
 * anything unexpected is logged with its stack and answered as a 500 that leaks nothing.
 */
import { InvalidDataError, isWazoError, NotFoundError, WazoError } from '@wazo-ts/errors';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorShape, httpStatusOf, renderError } from './error-shapes.js';

interface ValidationItem {
  instancePath?: string;
  message?: string;
  params?: Record<string, unknown>;
}

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

export function toHttpError(error: unknown): HttpError {
  if (isWazoError(error)) return { wazo: error, status: httpStatusOf(error), unexpected: false };
  const fastifyError = error as FastifyError & { validation?: ValidationItem[]; validationContext?: string };
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

export function installErrorHandling(app: FastifyInstance, defaultShape: ErrorShape): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const { wazo, status, unexpected } = toHttpError(error);
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

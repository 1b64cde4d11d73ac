/**
 * What the personal and phonebook routes share: `text/csv` bodies decoded by their charset, the
 * legacy error body Wazo's contact routes answer (`{reason, timestamp, status_code}`, `reason`
 * being the list an error gives in `details.reasons`), and the contact schemas.
 */
import { httpStatusOf, renderError } from '@wazo-ts/daemon';
import { Type } from '@wazo-ts/daemon/schema';
import { isWazoError, type WazoError } from '@wazo-ts/errors';
import type { FastifyInstance } from 'fastify';
import { decodeCsv } from './csv.js';

export const CSV = 'text/csv';

/** A contact as answered: its fields, `id` among them. */
export const ContactSchema = Type.Object(
  { id: Type.String({ description: 'Given by the server' }) },
  { additionalProperties: Type.String(), description: 'A flat map of field names to string values' },
);

/** A contact as sent: any string fields (`id` is ignored). */
export const ContactBody = Type.Unsafe<Record<string, unknown>>({
  type: 'object',
  additionalProperties: true,
  description: 'A flat map of field names (non-empty) to string values',
  example: { firstname: 'Alice', lastname: 'Smith', number: '5551234' },
});

export const CsvBody = Type.String({
  description: 'A CSV document: a header line, then one contact per line',
});

/**
 * `text/csv` bodies become text in this scope, decoded with the Content-Type's charset; an
 * unknown charset or bytes that are not of it become `onError(error)`.
 */
export function acceptCsv(
  scope: FastifyInstance,
  bodyLimit: number,
  onError: (error: WazoError) => Error = (error) => error,
): void {
  scope.addContentTypeParser(CSV, { parseAs: 'buffer', bodyLimit }, (request, body, done) => {
    try {
      done(null, decodeCsv(body as Buffer, charsetOf(request.headers['content-type'])));
    } catch (error) {
      done(isWazoError(error) ? onError(error) : (error as Error), undefined);
    }
  });
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1];
}

/**
 * Errors of this scope in the legacy body, except those whose error id `modern` accepts (the
 * phonebook import's), in the `api` body. Other errors (validation) go to the daemon's handler,
 * which renders them in the route's `errorShape`.
 */
export function installLegacyErrors(
  scope: FastifyInstance,
  modern: (errorId: string) => boolean = () => false,
): void {
  scope.setErrorHandler((error, _request, reply) => {
    if (!isWazoError(error)) throw error;
    if (modern(error.errorId)) return reply.code(httpStatusOf(error)).send(renderError(error, 'api'));
    const body = renderError(error, 'legacy') as { reason: unknown[] };
    const reasons = (error.details as { reasons?: unknown } | undefined)?.reasons;
    if (Array.isArray(reasons) && reasons.length > 0) body.reason = reasons;
    return reply.code(httpStatusOf(error)).send(body);
  });
}

/** The legacy error body, for the OpenAPI document. */
export const LegacyError = Type.Object({
  reason: Type.Array(Type.Unknown()),
  timestamp: Type.Array(Type.Number()),
  status_code: Type.Integer(),
});

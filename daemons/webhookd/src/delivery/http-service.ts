/**
 * The `http` service, as Wazo's: url and body rendered from the subscription's templates, no
 * body template → the event's `data` as JSON (`application/json; charset=utf-8`), a body → its
 * `content_type` (default `text/plain`) with `charset=utf-8` unless given. Each request also
 * carries the delivery's stable id in `X-Wazo-Delivery-Id` and `Idempotency-Key` (the same on
 * every retry, so a receiver can drop repeats). Success is a final status below 400; 410 stops.
 */
import type { HttpClient, HttpResponse } from './http-client.js';
import { AttemptAbortedError, type DeliveryAttempt, type DeliveryService } from './service.js';
import { renderTemplate, type TemplateLimits, type TemplateVariables } from './template/index.js';

export const DELIVERY_ID_HEADER = 'X-Wazo-Delivery-Id';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

/** Python's `json.dumps` (`", "` and `": "` separators, non-ASCII escaped), as Wazo's body is. */
export function pythonJsonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${pythonJsonDumps(k)}: ${pythonJsonDumps(v)}`)
      .join(', ')}}`;
  const text = JSON.stringify(value) ?? 'null';
  return typeof value === 'string'
    ? text.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : text;
}

const ENCODINGS: Record<string, BufferEncoding> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'iso-8859-1': 'latin1',
  'latin-1': 'latin1',
  latin1: 'latin1',
  ascii: 'ascii',
  'us-ascii': 'ascii',
  'utf-16le': 'utf16le',
};

/** Content type with `charset` (utf-8 unless given) and the encoding it names. */
export function bodyContentType(contentType: string | undefined): {
  header: string;
  encoding: BufferEncoding;
} {
  const [type, ...params] = (contentType?.trim() || 'text/plain').split(';').map((p) => p.trim());
  const charset = params.find((p) => /^charset=/i.test(p));
  const name = charset ? charset.slice(8).replace(/^"|"$/g, '').toLowerCase() : 'utf-8';
  const encoding = ENCODINGS[name];
  if (!encoding) throw new Error(`unknown charset "${name}"`);
  const rest = params.filter((p) => p && p !== charset);
  return { header: [type, ...rest, charset ?? 'charset=utf-8'].join('; '), encoding };
}

function parsed(body: Buffer | string | null): unknown {
  if (body === null) return null;
  const text = body.toString();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function responseDetail(response: HttpResponse, requestBody: Buffer | null): Record<string, unknown> {
  return {
    request_method: response.method,
    request_url: response.url,
    request_body: parsed(requestBody),
    request_headers: response.requestHeaders,
    response_status_code: response.statusCode,
    response_headers: response.headers,
    response_body: response.truncated ? response.body.toString() : parsed(response.body),
    ...(response.truncated ? { response_body_truncated: true } : {}),
  };
}

export interface HttpServiceOptions {
  client: HttpClient;
  templateLimits: TemplateLimits;
  /** Resolves a host (for Wazo's rule on users' subscriptions to localhost). */
  resolve(hostname: string): Promise<string>;
}

function templateVariables(event: Record<string, unknown>): TemplateVariables {
  return {
    event_name: String(event.name ?? ''),
    event: event.data ?? null,
    wazo_uuid: String(event.origin_uuid ?? ''),
  };
}

export function createHttpService(options: HttpServiceOptions): DeliveryService {
  async function request(attempt: DeliveryAttempt) {
    const { config } = attempt.subscription;
    const variables = templateVariables(attempt.event);
    const url = renderTemplate(config.url ?? '', variables, options.templateLimits);
    const target = new URL(url);
    let body: Buffer;
    let contentType: string;
    if (config.body) {
      const type = bodyContentType(config.content_type);
      body = Buffer.from(renderTemplate(config.body, variables, options.templateLimits), type.encoding);
      contentType = type.header;
    } else {
      body = Buffer.from(pythonJsonDumps(attempt.event.data ?? null));
      contentType = 'application/json; charset=utf-8';
    }
    return { url, target, body, contentType };
  }

  return {
    name: 'http',
    async attempt(attempt) {
      let prepared: Awaited<ReturnType<typeof request>>;
      try {
        prepared = await request(attempt);
      } catch (err) {
        return { kind: 'error', detail: { error: String((err as Error).message ?? err) } };
      }
      const { subscription } = attempt;
      const userOwned = subscription.owner_user_uuid !== null;
      if (userOwned) {
        // Wazo's rule: a user's subscription to this host is skipped and logged as a success.
        try {
          const address = await options.resolve(prepared.target.hostname.replace(/^\[|\]$/g, ''));
          if (address === '127.0.0.1') return { kind: 'success', detail: {} };
        } catch (err) {
          return { kind: 'error', detail: { error: String((err as Error).message) } };
        }
      }
      const headers = {
        'Content-Type': prepared.contentType,
        [DELIVERY_ID_HEADER]: attempt.deliveryUuid,
        [IDEMPOTENCY_HEADER]: attempt.deliveryUuid,
      };
      const requestDetail = {
        request_method: (subscription.config.method ?? 'post').toUpperCase(),
        request_url: prepared.url,
        request_body: parsed(prepared.body),
        request_headers: headers,
      };
      try {
        const response = await options.client.send({
          method: subscription.config.method ?? 'post',
          url: prepared.url,
          headers,
          body: prepared.body,
          verifyCertificate: subscription.config.verify_certificate ?? 'true',
          userOwned,
          signal: attempt.signal,
        });
        const detail = responseDetail(response, prepared.body);
        if (response.statusCode < 400) return { kind: 'success', detail };
        if (response.statusCode === 410) return { kind: 'error', detail };
        return { kind: 'failure', detail };
      } catch (err) {
        if (attempt.signal.aborted) throw new AttemptAbortedError('the daemon is stopping');
        // Connection, TLS, timeout and denied-address failures are retried (the target may come
        // back, its name may resolve elsewhere); a request node refuses to build (TypeError) is not.
        const retryable = !(err instanceof TypeError);
        return {
          kind: retryable ? 'failure' : 'error',
          detail: { ...requestDetail, error: String((err as Error).message) },
        };
      }
    },
  };
}

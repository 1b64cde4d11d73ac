/**
 * Wazo's envelope: the event's headers, `required_access`, `required_acl`, `name`, `origin_uuid` and
 * `timestamp` go in the AMQP headers, and the JSON body is those same headers plus `data`. This is
 * what wazo-bus's publisher writes and what its consumers, websocketd and webhookd read.
 */
import { randomUUID } from 'node:crypto';
import { InvalidDataError } from '@wazo-ts/errors';
import type { BusEvent } from '../events/define.js';
import type { DeliveredMessage, HeaderValue, WireMessage } from '../transport.js';
import { pythonLocalIsoformat } from './timestamp.js';

export const JSON_CONTENT_TYPE = 'application/json';

export interface EncodeOptions {
  /** The publisher's Wazo UUID (`origin_uuid`). */
  originUuid: string;
  /** When the event is published; `timestamp` is this instant in naive local time. */
  now?: Date;
  /** Headers sent before the event's own (wazo-bus's `headers=` argument). */
  extraHeaders?: Record<string, HeaderValue>;
  /** Defaults to a fresh UUID v4. */
  messageId?: string;
}

export function encodeEvent(event: BusEvent, options: EncodeOptions): WireMessage {
  const headers: Record<string, HeaderValue> = {
    ...options.extraHeaders,
    ...event.headers,
    required_access: `event.${event.name}`,
    required_acl: event.requiredAcl,
    name: event.name,
    origin_uuid: options.originUuid,
    timestamp: pythonLocalIsoformat(options.now ?? new Date()),
  };
  const body = Buffer.from(JSON.stringify({ ...headers, data: event.data }), 'utf8');
  return {
    messageId: options.messageId ?? randomUUID(),
    headers,
    routingKey: event.routingKey,
    body,
    contentType: JSON_CONTENT_TYPE,
  };
}

/** An event as a consumer sees it. */
export interface ReceivedEvent<D = unknown> {
  name: string;
  data: D;
  /** AMQP headers (the body's copy of them when a publisher sent none). */
  headers: Record<string, HeaderValue>;
  /** The whole JSON body, as webhookd hands it to its templates. */
  body: Record<string, unknown>;
  /** Empty when the publisher set none (wazo-bus's Python publisher does not). */
  messageId: string;
  routingKey: string;
  redelivered: boolean;
  originUuid: string | undefined;
  tenantUuid: string | undefined;
  timestamp: string | undefined;
}

function invalid(message: string, details: Record<string, unknown>): InvalidDataError {
  return new InvalidDataError(message, { errorId: 'invalid-bus-message', details });
}

function parseBody(message: WireMessage): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.body.toString('utf8'));
  } catch (err) {
    throw invalid('Bus message body is not JSON', { messageId: message.messageId, cause: String(err) });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid('Bus message body is not a JSON object', { messageId: message.messageId });
  }
  return parsed as Record<string, unknown>;
}

const optionalString = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : undefined;

/** Reads a delivered message like wazo-bus's consumer: name from header `name`, else body `name`. */
export function decodeMessage(message: DeliveredMessage | WireMessage): ReceivedEvent {
  const body = parseBody(message);
  const name = optionalString(message.headers.name) ?? optionalString(body.name);
  if (name === undefined) throw invalid('Bus message has no event name', { messageId: message.messageId });
  if (!('data' in body)) throw invalid(`Bus message "${name}" has no data`, { messageId: message.messageId });
  const hasHeaders = Object.keys(message.headers).length > 0;
  const headers = hasHeaders ? message.headers : (bodyHeaders(body) as Record<string, HeaderValue>);
  return {
    name,
    data: body.data,
    headers,
    body,
    messageId: message.messageId,
    routingKey: message.routingKey,
    redelivered: 'redelivered' in message ? message.redelivered : false,
    originUuid: optionalString(headers.origin_uuid),
    tenantUuid: optionalString(headers.tenant_uuid),
    timestamp: optionalString(headers.timestamp),
  };
}

function bodyHeaders(body: Record<string, unknown>): Record<string, unknown> {
  const { data: _data, ...rest } = body;
  return rest;
}

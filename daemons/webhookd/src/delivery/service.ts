/**
 * What a delivery service (http, mobile, or one a plugin adds) receives and answers: one attempt
 * of one delivery, and its outcome as Wazo's retry table reads it (success; failure worth a retry;
 * error, final).
 */

/** The subscription as stored when the attempt is made. */
export interface DeliverySubscription {
  uuid: string;
  name: string;
  service: string;
  owner_tenant_uuid: string;
  owner_user_uuid: string | null;
  events_user_uuid: string | null;
  events_wazo_uuid: string | null;
  /** The service's `config`, a flat string map (http: url, method, body, verify_certificate...). */
  config: Record<string, string>;
}

export interface DeliveryAttempt {
  /** The delivery's stable id: the same on every attempt, sent as the idempotency header. */
  deliveryUuid: string;
  subscription: DeliverySubscription;
  /** The whole bus message body (Wazo's envelope: name, origin_uuid, timestamp, data...). */
  event: Record<string, unknown>;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  /** Aborted when the daemon stops: the attempt is then not recorded and runs again on restart. */
  signal: AbortSignal;
}

export type AttemptOutcome =
  | { kind: 'success'; detail: Record<string, unknown> }
  /** Worth another attempt (HTTP >= 400 but 410, connection error, timeout, denied target). */
  | { kind: 'failure'; detail: Record<string, unknown> }
  /** Final: 410, a template error, a bad URL. */
  | { kind: 'error'; detail: Record<string, unknown> };

export interface DeliveryService {
  /** The subscription `service` it serves (`http`, `mobile`). */
  name: string;
  attempt(attempt: DeliveryAttempt): Promise<AttemptOutcome>;
}

/** Thrown by a service when the attempt was cut short by shutdown: nothing is recorded. */
export class AttemptAbortedError extends Error {
  override name = 'AttemptAbortedError';
}

/**
 * Bus messages in Wazo's envelope with exactly the headers a test needs (including none or a null
 * `required_acl`, which the event catalogue never produces), published on the stack's transport.
 */
import { randomUUID } from 'node:crypto';
import type { BusTransport, HeaderValue, WireMessage } from '@wazo-ts/bus';

export interface TestEvent {
  name: string;
  originUuid: string;
  /** A string, null (anyone in scope) or undefined (no header: never delivered). */
  requiredAcl?: string | null;
  tenantUuid?: string;
  /** `'*'` for a tenant-wide event, or user uuids. */
  users?: string[];
  data?: Record<string, unknown>;
}

export function testEvent(event: TestEvent): WireMessage {
  const headers: Record<string, HeaderValue> = {};
  if (event.tenantUuid) headers.tenant_uuid = event.tenantUuid;
  for (const user of event.users ?? []) headers[`user_uuid:${user}`] = true;
  if (event.requiredAcl !== undefined) headers.required_acl = event.requiredAcl;
  headers.name = event.name;
  headers.origin_uuid = event.originUuid;
  headers.timestamp = new Date().toISOString().replace('Z', '');
  return {
    messageId: randomUUID(),
    headers,
    routingKey: `test.${event.name}`,
    body: Buffer.from(JSON.stringify({ ...headers, data: event.data ?? {} })),
    contentType: 'application/json',
  };
}

export function publishTestEvent(transport: BusTransport, event: TestEvent): Promise<void> {
  return transport.publish(testEvent(event));
}

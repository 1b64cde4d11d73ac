import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defineEvent } from '../events/define.js';
import {
  authSessionCreated,
  groupMemberUsersAssociated,
  serviceRegistered,
  userCreated,
} from '../events/index.js';
import type { WireMessage } from '../transport.js';
import { decodeMessage, encodeEvent } from './envelope.js';

const T = '11111111-1111-4111-8111-111111111111';
const U = '22222222-2222-4222-8222-222222222222';
const O = '33333333-3333-4333-8333-333333333333';
const now = new Date(2026, 10, 28, 23, 59, 1, 123);
const user = { id: 1, uuid: U, subscription_type: 0, created_at: null, tenant_uuid: T };

describe('encodeEvent', () => {
  it('when a tenant event is encoded, then headers and body carry the whole Wazo envelope', () => {
    const wire = encodeEvent(userCreated.build(user, { tenantUuid: T }), { originUuid: O, now });
    const expected = {
      tenant_uuid: T,
      'user_uuid:*': true,
      name: 'user_created',
      required_access: 'event.user_created',
      required_acl: 'events.config.user.created',
      origin_uuid: O,
      timestamp: '2026-11-28T23:59:01.123000',
    };
    assert.deepEqual(wire.headers, expected);
    assert.deepEqual(JSON.parse(wire.body.toString()), { ...expected, data: user });
    assert.equal(wire.routingKey, 'config.user.created');
    assert.equal(wire.contentType, 'application/json');
    assert.match(wire.messageId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('when a user event is encoded, then it targets that user and keeps its attributes', () => {
    const data = { uuid: 'S.1', tenant_uuid: T, user_uuid: U, mobile: false };
    const wire = encodeEvent(authSessionCreated.build(data, { tenantUuid: T, userUuid: U }), {
      originUuid: O,
    });
    assert.equal(wire.headers[`user_uuid:${U}`], true);
    assert.equal(wire.headers['user_uuid:*'], undefined);
    assert.equal(wire.headers.session_uuid, 'S.1');
    assert.equal(wire.headers.user_uuid, undefined);
    assert.equal(wire.routingKey, 'auth.sessions.S__DOT__1.created');
  });

  it('when a multi-user event is encoded, then there is one flag per user', () => {
    const multi = defineEvent<{ x: number }>()({ name: 'm', routingKey: 'm.{x}', scope: 'multi_user' });
    const wire = encodeEvent(multi.build({ x: 1 }, { tenantUuid: T, userUuids: ['a', 'b'] }), {
      originUuid: O,
    });
    assert.equal(wire.headers['user_uuid:a'], true);
    assert.equal(wire.headers['user_uuid:b'], true);
    assert.equal(wire.headers.tenant_uuid, T);
    assert.equal(wire.headers['user_uuid:*'], undefined);
  });

  it('when an event has an ACL format, then required_acl is formatted from data and attributes', () => {
    const call = defineEvent<{ call_id: string }>()({
      name: 'call_created',
      routingKey: 'calls.call.created',
      requiredAcl: 'events.calls.{user_uuid}',
      scope: 'user',
    });
    const wire = encodeEvent(call.build({ call_id: '1.2' }, { tenantUuid: T, userUuid: U }), {
      originUuid: O,
    });
    assert.equal(wire.headers.required_acl, `events.calls.${U}`);
  });

  it('when a service event is encoded with extra headers, then extras come first and no tenant is set', () => {
    const data = { service_name: 'wazo-auth', service_id: 'id', address: '10.0.0.1', port: 9497, tags: [] };
    const wire = encodeEvent(serviceRegistered.build(data), { originUuid: O, extraHeaders: { foo: 'bar' } });
    assert.deepEqual(Object.keys(wire.headers), [
      'foo',
      'name',
      'required_access',
      'required_acl',
      'origin_uuid',
      'timestamp',
    ]);
    assert.equal(wire.routingKey, 'service.registered.wazo-auth');
  });
});

describe('decodeMessage', () => {
  const data = { group_id: 1, group_uuid: 'g', user_uuids: [U] };
  const wire = encodeEvent(groupMemberUsersAssociated.build(data, { tenantUuid: T }), { originUuid: O, now });

  it('when our own message is decoded, then name, data and envelope fields come back', () => {
    const event = decodeMessage({ ...wire, redelivered: true });
    assert.equal(event.name, 'group_member_users_associated');
    assert.deepEqual(event.data, data);
    assert.equal(event.tenantUuid, T);
    assert.equal(event.originUuid, O);
    assert.equal(event.redelivered, true);
    assert.equal(event.messageId, wire.messageId);
  });

  it('when the headers are empty, then the name and headers come from the body', () => {
    const event = decodeMessage({ ...wire, headers: {} });
    assert.equal(event.name, 'group_member_users_associated');
    assert.equal(event.headers.tenant_uuid, T);
    assert.equal('data' in event.headers, false);
  });

  it('when the body is bad, then a clear invalid-data error says why', () => {
    const bad = (body: string, headers: WireMessage['headers'] = {}) => ({
      ...wire,
      headers,
      body: Buffer.from(body),
    });
    assert.throws(() => decodeMessage(bad('{nope')), { errorId: 'invalid-bus-message', message: /not JSON/ });
    assert.throws(() => decodeMessage(bad('[1]')), { message: /not a JSON object/ });
    assert.throws(() => decodeMessage(bad('{"data":{}}')), { message: /no event name/ });
    assert.throws(() => decodeMessage(bad('{"name":"x"}')), { message: /"x" has no data/ });
  });
});

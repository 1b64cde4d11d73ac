import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  callPickupInterceptorGroupsAssociated,
  callPickupTargetUsersAssociated,
  eventCatalogue,
  switchboardCreated,
  switchboardFallbackEditedFor,
  switchboardMemberUserAssociated,
} from './index.js';

const T = 'tenant-1';
const S = 'switchboard-1';

describe('switchboard and call pickup events', () => {
  it('when listed, then every one of them is in the catalogue by its Wazo name', () => {
    const names = [
      ...['created', 'edited', 'deleted', 'fallback_edited', 'member_user_associated'].map(
        (a) => `switchboard_${a}`,
      ),
      ...['created', 'edited', 'deleted'].map((a) => `call_pickup_${a}`),
      ...['interceptor', 'target'].flatMap((side) =>
        ['users', 'groups'].map((kind) => `call_pickup_${side}_${kind}_associated`),
      ),
    ];
    for (const name of names) assert.equal(eventCatalogue.get(name)?.name, name, name);
  });

  it("when a switchboard event is built, then wazo-bus's routing key, ACL and switchboard_uuid header", () => {
    const event = switchboardCreated.build({ uuid: S, tenant_uuid: T, name: 'x' }, { tenantUuid: T });
    assert.deepEqual(
      [event.routingKey, event.requiredAcl, event.headers.switchboard_uuid, event.headers.tenant_uuid],
      [`config.switchboards.${S}.created`, `switchboards.${S}.created`, S, T],
    );
  });

  it('when the fallback event is built, then its header names the switchboard its payload does not', () => {
    const event = switchboardFallbackEditedFor({ noanswer_destination: null }, S, T);
    assert.deepEqual(
      [event.name, event.routingKey, event.requiredAcl, event.data],
      [
        'switchboard_fallback_edited',
        'config.switchboards.fallbacks.edited',
        'switchboards.fallbacks.edited',
        { noanswer_destination: null },
      ],
    );
    assert.deepEqual(
      [event.headers.switchboard_uuid, event.headers.tenant_uuid, event.headers.name],
      [S, T, 'switchboard_fallback_edited'],
    );
  });

  it('when operators are associated, then the event is for each of them, not the whole tenant', () => {
    const event = switchboardMemberUserAssociated.build(
      { switchboard_uuid: S, users: [{ uuid: 'u1' }, { uuid: 'u2' }] },
      { tenantUuid: T, userUuids: ['u1', 'u2'] },
    );
    assert.equal(event.routingKey, `config.switchboards.${S}.members.users.updated`);
    assert.deepEqual(
      [event.headers['user_uuid:u1'], event.headers['user_uuid:u2'], event.headers['user_uuid:*']],
      [true, true, undefined],
    );
  });

  it("when a pickup's members change, then tenant-wide events on wazo-bus's routing keys", () => {
    const users = callPickupTargetUsersAssociated.build(
      { call_pickup_id: 1, user_uuids: ['u'] },
      { tenantUuid: T },
    );
    const groups = callPickupInterceptorGroupsAssociated.build(
      { call_pickup_id: 1, group_ids: [2] },
      { tenantUuid: T },
    );
    assert.deepEqual(
      [users.routingKey, groups.routingKey, groups.requiredAcl, groups.headers['user_uuid:*']],
      [
        'config.callpickups.targets.users.updated',
        'config.callpickups.interceptors.groups.updated',
        'events.config.callpickups.interceptors.groups.updated',
        true,
      ],
    );
  });
});

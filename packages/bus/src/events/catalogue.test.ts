import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  authRefreshTokenCreated,
  authSessionExpireSoon,
  authTenantAdded,
  authUserExternalAuthAdded,
  eventCatalogue,
  lineEndpointCustomAssociated,
  lineEndpointSccpDissociated,
  lineExtensionDissociated,
  serviceDeregistered,
  userLineAssociated,
  usersForwardsBusyUpdated,
  usersServicesDndUpdated,
} from './index.js';

const T = 'tenant-1';
const U = 'user-1';

describe('event catalogue', () => {
  it('when listed, then it holds every event the daemons need, once, by Wazo name', () => {
    const wanted = [
      ...['auth_tenant_added', 'auth_tenant_updated', 'auth_tenant_deleted'],
      ...['auth_session_created', 'auth_session_deleted', 'auth_session_expire_soon'],
      ...['auth_refresh_token_created', 'auth_refresh_token_deleted'],
      ...['added', 'authorized', 'updated', 'deleted'].map((a) => `auth_user_external_auth_${a}`),
      ...['user_created', 'user_edited', 'user_deleted', 'user_groups_associated'],
      ...['users_services_dnd_updated', 'users_services_incallfilter_updated'],
      ...['busy', 'noanswer', 'unconditional'].map((f) => `users_forwards_${f}_updated`),
      ...['user_schedule_associated', 'user_schedule_dissociated'],
      ...['user_line_associated', 'user_line_dissociated'],
      ...['group_created', 'group_edited', 'group_deleted', 'group_member_users_associated'],
      ...['group_schedule_associated', 'group_schedule_dissociated'],
      ...['group_extension_associated', 'group_extension_dissociated'],
      ...['schedule', 'context', 'extension', 'line'].flatMap((r) => [
        `${r}_created`,
        `${r}_edited`,
        `${r}_deleted`,
      ]),
      ...['line_extension_associated', 'line_extension_dissociated'],
      ...['service_registered', 'service_deregistered'],
      ...['created', 'edited', 'deleted'].map((a) => `func_key_template_${a}`),
      ...['voicemail', 'device'].flatMap((r) => [`${r}_created`, `${r}_edited`, `${r}_deleted`]),
      ...['associated', 'dissociated', 'edited'].map((a) => `user_voicemail_${a}`),
      ...['line_device_associated', 'line_device_dissociated'],
      ...['iax_endpoint', 'application'].flatMap((r) => [`${r}_created`, `${r}_edited`, `${r}_deleted`]),
      ...['line_application_associated', 'line_application_dissociated'],
      ...['custom', 'sccp'].flatMap((r) => ['created', 'edited', 'deleted'].map((a) => `${r}_endpoint_${a}`)),
      ...['custom', 'sccp'].flatMap((r) =>
        ['associated', 'dissociated'].map((a) => `line_endpoint_${r}_${a}`),
      ),
      ...['created', 'updated', 'deleted'].flatMap((a) => [
        `webhookd_subscription_${a}`,
        `webhookd_user_subscription_${a}`,
      ]),
    ];
    for (const name of wanted) assert.equal(eventCatalogue.get(name)?.name, name, name);
  });

  it("when a line's SCCP or custom endpoint event is built, then its routing key names both, as wazo-bus", () => {
    const line = { id: 7, tenant_uuid: T, name: 'x' };
    const custom = lineEndpointCustomAssociated.build(
      { line, endpoint_custom: { id: 3, tenant_uuid: T, interface: 'x' } },
      { tenantUuid: T },
    );
    assert.equal(custom.routingKey, 'config.lines.7.endpoints.custom.3.updated');
    const sccp = lineEndpointSccpDissociated.build(
      { line, endpoint_sccp: { id: 4, tenant_uuid: T } },
      { tenantUuid: T },
    );
    assert.equal(sccp.routingKey, 'config.lines.7.endpoints.sccp.4.deleted');
    assert.equal(sccp.headers.tenant_uuid, T);
  });

  it('when auth events are built, then their routing keys follow wazo-bus', () => {
    assert.equal(
      authTenantAdded.build({ uuid: T }, { tenantUuid: T }).routingKey,
      `auth.tenants.${T}.created`,
    );
    const external = authUserExternalAuthAdded.build(
      { user_uuid: U, external_auth_name: 'google' },
      { tenantUuid: T, userUuid: U },
    );
    assert.equal(external.routingKey, `auth.users.${U}.external.google.created`);
    const token = { client_id: 'my.phone', mobile: true, user_uuid: U, tenant_uuid: T };
    const created = authRefreshTokenCreated.build(token, { tenantUuid: T, userUuid: U });
    assert.equal(created.routingKey, `auth.users.${U}.tokens.my__DOT__phone.created`);
    const expire = authSessionExpireSoon.build(
      { uuid: 's', user_uuid: U, tenant_uuid: T },
      { tenantUuid: T, userUuid: U },
    );
    assert.equal(expire.routingKey, `auth.users.${U}.sessions.s.expire_soon`);
    assert.deepEqual(expire.headers, {
      tenant_uuid: T,
      session_uuid: 's',
      name: 'auth_session_expire_soon',
      [`user_uuid:${U}`]: true,
    });
  });

  it('when a user service or forward event is built, then the service name is an attribute and a key part', () => {
    const dnd = usersServicesDndUpdated.build(
      { user_id: 1, user_uuid: U, tenant_uuid: T, enabled: true },
      { tenantUuid: T, userUuid: U },
    );
    assert.equal(dnd.routingKey, `config.users.${U}.services.dnd.updated`);
    assert.equal(dnd.headers.service_name, 'dnd');
    const busy = usersForwardsBusyUpdated.build(
      { user_id: 1, user_uuid: U, tenant_uuid: T, enabled: true, destination: '1234' },
      { tenantUuid: T, userUuid: U },
    );
    assert.equal(busy.routingKey, `config.users.${U}.forwards.busy.updated`);
    assert.equal(busy.headers.forward_name, 'busy');
  });

  it('when a user-line event is built, then the key indexes the line id', () => {
    const event = userLineAssociated.build(
      {
        user: { id: 1, uuid: U, tenant_uuid: T },
        line: { id: 42, name: 'abc' },
        main_user: true,
        main_line: true,
      },
      { tenantUuid: T, userUuid: U },
    );
    assert.equal(event.routingKey, `config.users.${U}.lines.42.updated`);
    assert.equal(event.requiredAcl, `events.config.users.${U}.lines.42.updated`);
  });

  it('when association and service events are built, then keys match wazo-bus quirks', () => {
    const dissociated = lineExtensionDissociated.build({ line_id: 1, extension_id: 2 }, { tenantUuid: T });
    assert.equal(dissociated.routingKey, 'config.line_extension_associated.deleted');
    const gone = serviceDeregistered.build({ service_name: 'wazo-confd', service_id: 'x', tags: [] });
    assert.equal(gone.routingKey, 'service.registered.wazo-confd');
    assert.deepEqual(gone.headers, { name: 'service_deregistered' });
  });
});

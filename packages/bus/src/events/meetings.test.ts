import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  eventCatalogue,
  meetingUpdated,
  meetingUserAuthorizationCreated,
  meetingUserProgress,
} from './index.js';

const T = 'tenant-1';
const U = 'user-1';
const M = 'meeting-1';

describe('meeting events', () => {
  it('when listed, then every meeting, authorization and ingress event is in the catalogue', () => {
    const names = [
      ...['created', 'edited', 'deleted'].map((a) => `ingress_http_${a}`),
      ...['created', 'updated', 'deleted', 'progress', 'user_progress'].map((a) => `meeting_${a}`),
      ...['created', 'updated', 'deleted'].flatMap((a) => [
        `meeting_guest_authorization_${a}`,
        `meeting_user_guest_authorization_${a}`,
      ]),
    ];
    for (const name of names) assert.equal(eventCatalogue.get(name)?.name, name, name);
  });

  it("when a meeting event is built, then it carries the meeting's uuid as a header, as wazo-bus", () => {
    const payload = {
      uuid: M,
      name: 'x',
      owner_uuids: [],
      ingress_http_uri: null,
      guest_sip_authorization: null,
    };
    const event = meetingUpdated.build(payload, { tenantUuid: T });
    assert.deepEqual(event.headers, {
      tenant_uuid: T,
      'user_uuid:*': true,
      meeting_uuid: M,
      name: 'meeting_updated',
    });
    const progress = meetingUserProgress.build(
      { ...payload, status: 'ready', user_uuid: U },
      { tenantUuid: T, userUuid: U },
    );
    assert.equal(progress.routingKey, `config.users.${U}.meetings.progress`);
    assert.deepEqual(progress.headers, {
      tenant_uuid: T,
      meeting_uuid: M,
      name: 'meeting_user_progress',
      [`user_uuid:${U}`]: true,
    });
  });

  it("when an owner's authorization event is built, then its routing key and ACL name the owner", () => {
    const data = {
      uuid: 'a',
      meeting_uuid: M,
      guest_uuid: 'g',
      guest_name: 'Jane',
      status: 'pending',
      creation_time: '2021-12-06T18:55:58.961000+00:00',
      user_uuid: U,
    };
    const event = meetingUserAuthorizationCreated.build(data, { tenantUuid: T, userUuid: U });
    assert.equal(event.routingKey, `config.users.${U}.meeting_guest_authorizations.created`);
    assert.equal(event.requiredAcl, `events.users.${U}.meeting_guest_authorizations.created`);
    assert.equal(event.headers.meeting_uuid, M);
  });
});

/**
 * Destinations to a voicemail on a real PostgreSQL, as Wazo's: a fallback naming a voicemail that
 * is not in the owner's tenant is refused (`Voicemail was not found`); one that is reads with the
 * voicemail's name (`voicemail_name`, schedules too); deleting the voicemail removes the
 * fallbacks that send calls to it (xivo-dao's dialactions go with it) and leaves schedules' own.
 */
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createMigratedTestDatabase, type MigratedTestDatabase } from '@wazo-ts/dao/testing';
import { contextsPlugin } from '../contexts/index.js';
import { groupsPlugin } from '../groups/index.js';
import { schedulesPlugin } from '../schedules/index.js';
import { caller, outboxNames } from '../testing/route-calls.js';
import { buildTestApi, type TestApi } from '../testing/test-app.js';
import { usersPlugin } from '../users/index.js';
import { userVoicemailsPlugin, voicemailsPlugin } from '../voicemails/index.js';
import { groupFallbacksPlugin, userFallbacksPlugin } from './index.js';

let database: MigratedTestDatabase;
let api: TestApi;
let call: ReturnType<typeof caller>;
const tenant = randomUUID();
const other = randomUUID();
let user: { id: number; uuid: string };
let group: { id: number; uuid: string };
let context: string;

const voicemailTo = (voicemail_id: number) => ({
  type: 'voicemail',
  voicemail_id,
  skip_instructions: true,
  greeting: 'busy',
});

async function newVoicemail(token: string, ofContext: string, number: string, name: string) {
  const res = await call('POST', '/voicemails', token, { name, number, context: ofContext });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number };
}

before(async () => {
  database = await createMigratedTestDatabase({ prefix: 'wazo_confd_vm_destinations' });
  api = await buildTestApi(database, [
    contextsPlugin,
    usersPlugin,
    groupsPlugin,
    schedulesPlugin,
    voicemailsPlugin,
    userVoicemailsPlugin,
    userFallbacksPlugin,
    groupFallbacksPlugin,
  ]);
  call = caller(api);
  api.verifier.add({ token: 'admin', acl: ['confd.#'], metadata: { tenant_uuid: tenant } });
  api.verifier.add({ token: 'other', acl: ['confd.#'], metadata: { tenant_uuid: other } });
  await api.resources.services.tenants.ensure(tenant);
  await api.resources.services.tenants.ensure(other);
  context = (await call('POST', '/contexts', 'admin', { label: 'Internal' })).json().name;
  user = (await call('POST', '/users', 'admin', { firstname: 'Alice' })).json();
  group = (await call('POST', '/groups', 'admin', { label: 'Sales' })).json();
});
after(async () => {
  await api?.app.close();
  await database?.drop();
});

describe('voicemail destinations', () => {
  it("when a fallback names a voicemail not in the owner's tenant, then Wazo's 400 and nothing changes", async () => {
    const otherContext = (await call('POST', '/contexts', 'other', { label: 'Theirs' })).json().name;
    const theirs = await newVoicemail('other', otherContext, '5000', 'Theirs');
    for (const id of [999999, theirs.id]) {
      for (const [url, field] of [
        [`/users/${user.id}/fallbacks`, 'busy_destination'],
        [`/groups/${group.uuid}/fallbacks`, 'noanswer_destination'],
      ] as const) {
        const res = await call('PUT', url, 'admin', { [field]: voicemailTo(id) });
        assert.equal(res.statusCode, 400, res.body);
        assert.deepEqual(res.json(), [
          `Input Error - field 'actionarg1': Voicemail was not found ('actionarg1': ${id})`,
        ]);
        const read = (await call('GET', url, 'admin')).json();
        assert.equal(read[field], null, `${url} unchanged`);
      }
    }
  });

  it('when fallbacks and a schedule name a voicemail, then they read with its name, kept current', async () => {
    const voicemail = await newVoicemail('admin', context, '1000', 'Front desk');
    const destination = voicemailTo(voicemail.id);
    const named = { ...destination, voicemail_name: 'Front desk' };
    let res = await call('PUT', `/users/${user.id}/fallbacks`, 'admin', { busy_destination: destination });
    assert.equal(res.statusCode, 204, res.body);
    res = await call('PUT', `/groups/${group.uuid}/fallbacks`, 'admin', {
      noanswer_destination: destination,
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual(
      (await call('GET', `/users/${user.id}/fallbacks`, 'admin')).json().busy_destination,
      named,
    );
    assert.deepEqual(
      (await call('GET', `/users/${user.uuid}`, 'admin')).json().fallbacks.busy_destination,
      named,
    );
    assert.deepEqual(
      (await call('GET', `/groups/${group.uuid}/fallbacks`, 'admin')).json().noanswer_destination,
      named,
    );
    const schedule = await call('POST', '/schedules', 'admin', {
      name: 'Night',
      closed_destination: destination,
    });
    assert.equal(schedule.statusCode, 201, schedule.body);
    assert.deepEqual(schedule.json().closed_destination, named);
    // A renamed voicemail shows its new name.
    res = await call('PUT', `/voicemails/${voicemail.id}`, 'admin', { name: 'Reception' });
    assert.equal(res.statusCode, 204, res.body);
    const read = (await call('GET', `/schedules/${schedule.json().id}`, 'admin')).json();
    assert.equal(read.closed_destination.voicemail_name, 'Reception');
  });

  it('when a voicemail serving a user is deleted, then it is refused and its destinations stay', async () => {
    const voicemail = await newVoicemail('admin', context, '1001', 'Alice');
    await call('PUT', `/users/${user.id}/fallbacks`, 'admin', {
      fail_destination: voicemailTo(voicemail.id),
    });
    assert.equal(
      (await call('PUT', `/users/${user.uuid}/voicemails/${voicemail.id}`, 'admin')).statusCode,
      204,
    );
    const res = await call('DELETE', `/voicemails/${voicemail.id}`, 'admin');
    assert.equal(res.statusCode, 400, res.body);
    const read = (await call('GET', `/users/${user.id}/fallbacks`, 'admin')).json();
    assert.equal(read.fail_destination.voicemail_id, voicemail.id);
    assert.equal((await call('DELETE', `/users/${user.uuid}/voicemails`, 'admin')).statusCode, 204);
  });

  it('when a voicemail is deleted, then the fallbacks to it go, with no event but its own; schedules keep theirs', async () => {
    const voicemail = await newVoicemail('admin', context, '1002', 'Gone');
    const kept = await newVoicemail('admin', context, '1003', 'Kept');
    await call('PUT', `/users/${user.id}/fallbacks`, 'admin', {
      busy_destination: voicemailTo(voicemail.id),
      noanswer_destination: voicemailTo(kept.id),
    });
    await call('PUT', `/groups/${group.uuid}/fallbacks`, 'admin', {
      congestion_destination: voicemailTo(voicemail.id),
    });
    const schedule = (
      await call('POST', '/schedules', 'admin', { closed_destination: voicemailTo(voicemail.id) })
    ).json();
    const before = (await outboxNames(database)).length;
    const res = await call('DELETE', `/voicemails/${voicemail.id}`, 'admin');
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await outboxNames(database)).slice(before), ['voicemail_deleted']);
    const userFallbacks = (await call('GET', `/users/${user.id}/fallbacks`, 'admin')).json();
    assert.equal(userFallbacks.busy_destination, null);
    assert.equal(userFallbacks.noanswer_destination.voicemail_name, 'Kept');
    const groupFallbacks = (await call('GET', `/groups/${group.uuid}/fallbacks`, 'admin')).json();
    assert.equal(groupFallbacks.congestion_destination, null);
    // Wazo's schedules keep a destination to a voicemail that is gone; it shows no name.
    const read = (await call('GET', `/schedules/${schedule.id}`, 'admin')).json();
    assert.deepEqual(read.closed_destination, { ...voicemailTo(voicemail.id), voicemail_name: null });
  });
});

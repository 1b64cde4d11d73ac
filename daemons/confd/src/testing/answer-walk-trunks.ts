/**
 * The trunk and outcall part of the walk through every confd route: trunks with a SIP, an IAX and
 * a custom endpoint, an outcall with those trunks, an extension of an outcall context, a schedule
 * and a call permission, each read, edited, dissociated and deleted again.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Created = { id: number; uuid: string; name: string };

export async function walkTrunksAndOutcalls(call: Call): Promise<void> {
  const context = (await call('POST', '/contexts', { label: 'walk-extern', type: 'incall' })) as Created;
  const outgoing = (await call('POST', '/contexts', { label: 'walk-outcall', type: 'outcall' })) as Created;
  const sipTrunk = (await call('POST', '/trunks', {
    context: context.name,
    twilio_incoming: true,
    outgoing_caller_id_format: 'national',
  })) as Created;
  const iaxTrunk = (await call('POST', '/trunks', {})) as Created;
  const customTrunk = (await call('POST', '/trunks', {})) as Created;
  const sip = (await call('POST', '/endpoints/sip', {
    name: 'walk-trunk-sip',
    label: 'provider',
    auth_section_options: [['username', 'walk']],
    registration_section_options: [['client_uri', 'sip:walk@provider']],
  })) as Created;
  const iax = (await call('POST', '/endpoints/iax', { name: 'walk-trunk-iax' })) as Created;
  const custom = (await call('POST', '/endpoints/custom', { interface: 'dahdi/walk' })) as Created;
  await call('PUT', `/trunks/${sipTrunk.id}/endpoints/sip/${sip.uuid}`);
  await call('PUT', `/trunks/${iaxTrunk.id}/endpoints/iax/${iax.id}`);
  await call('PUT', `/trunks/${customTrunk.id}/endpoints/custom/${custom.id}`);
  await call('PUT', `/trunks/${sipTrunk.id}`, { outgoing_caller_id_format: 'E164' });
  const register = (await call('POST', '/registers/iax', {
    auth_username: 'walk',
    auth_password: 'secret',
    remote_host: 'provider',
    remote_port: 4569,
  })) as Created;
  await call('PUT', `/registers/iax/${register.id}`, {
    callback_extension: 's',
    callback_context: 'from-extern',
  });
  await call('PUT', `/trunks/${iaxTrunk.id}/registers/iax/${register.id}`);

  const outcall = (await call('POST', '/outcalls', {
    name: 'walk-outcall',
    internal_caller_id: true,
    preprocess_subroutine: 'walk-sub',
    ring_time: 30,
    description: 'walk',
  })) as Created;
  const bare = (await call('POST', '/outcalls', { name: 'walk-bare' })) as Created;
  await call('PUT', `/outcalls/${outcall.id}`, { enabled: false });
  await call('PUT', `/outcalls/${outcall.id}/trunks`, {
    trunks: [{ id: customTrunk.id }, { id: sipTrunk.id }, { id: iaxTrunk.id }],
  });
  const extension = (await call('POST', '/extensions', { exten: '_0.', context: outgoing.name })) as Created;
  await call('PUT', `/outcalls/${outcall.id}/extensions/${extension.id}`, {
    caller_id: 'walk',
    external_prefix: '0',
    prefix: '+33',
    strip_digits: 1,
  });
  const schedule = (await call('POST', '/schedules', {
    name: 'walk-outcall',
    closed_destination: { type: 'outcall', outcall_id: bare.id, exten: '123' },
  })) as Created;
  const permission = (await call('POST', '/callpermissions', { name: 'walk-outcall' })) as Created;
  await call('PUT', `/outcalls/${outcall.id}/schedules/${schedule.id}`);
  await call('PUT', `/outcalls/${outcall.id}/callpermissions/${permission.id}`);

  for (const url of [
    '/trunks?recurse=true',
    `/trunks/${sipTrunk.id}`,
    `/trunks/${iaxTrunk.id}`,
    `/trunks/${customTrunk.id}`,
    `/endpoints/sip/${sip.uuid}`,
    `/endpoints/iax/${iax.id}`,
    `/endpoints/custom/${custom.id}`,
    '/outcalls?recurse=true',
    `/outcalls/${outcall.id}`,
    '/registers/iax',
    `/registers/iax/${register.id}`,
    `/schedules/${schedule.id}`,
    `/callpermissions/${permission.id}`,
  ])
    await call('GET', url);

  await call('DELETE', `/outcalls/${outcall.id}/callpermissions/${permission.id}`);
  await call('DELETE', `/outcalls/${outcall.id}/schedules/${schedule.id}`);
  await call('DELETE', `/outcalls/${outcall.id}/extensions/${extension.id}`);
  await call('PUT', `/outcalls/${outcall.id}/trunks`, { trunks: [] });
  await call('DELETE', `/trunks/${iaxTrunk.id}/registers/iax/${register.id}`);
  await call('DELETE', `/trunks/${iaxTrunk.id}/endpoints/iax/${iax.id}`);
  await call('DELETE', `/trunks/${customTrunk.id}/endpoints/custom/${custom.id}`);
  await call('DELETE', `/trunks/${sipTrunk.id}/endpoints/sip/${sip.uuid}`);
  for (const url of [
    `/callpermissions/${permission.id}`,
    `/schedules/${schedule.id}`,
    `/extensions/${extension.id}`,
    `/outcalls/${outcall.id}`,
    `/outcalls/${bare.id}`,
    `/trunks/${sipTrunk.id}`,
    `/trunks/${iaxTrunk.id}`,
    `/trunks/${customTrunk.id}`,
    `/endpoints/sip/${sip.uuid}`,
    `/endpoints/iax/${iax.id}`,
    `/endpoints/custom/${custom.id}`,
    `/registers/iax/${register.id}`,
    `/contexts/${outgoing.id}`,
    `/contexts/${context.id}`,
  ])
    await call('DELETE', url);
}

/**
 * A trunk, an IAX registration and an outcall (with that trunk and an extension of an outcall
 * context) left in place, each written once with a body: the path values of their
 * routes for the request-body walk.
 */
export async function seedTrunksAndOutcalls(
  call: Call,
): Promise<{ trunk_id: string; outcall_id: string; register_iax_id: string }> {
  const context = (await call('POST', '/contexts', { label: 'seed-outcall', type: 'outcall' })) as Created;
  const trunk = (await call('POST', '/trunks', { outgoing_caller_id_format: 'E164' })) as Created;
  await call('PUT', `/trunks/${trunk.id}`, { twilio_incoming: true });
  const outcall = (await call('POST', '/outcalls', { name: 'seed-outcall', description: 'seed' })) as Created;
  await call('PUT', `/outcalls/${outcall.id}`, { ring_time: 20 });
  await call('PUT', `/outcalls/${outcall.id}/trunks`, { trunks: [{ id: trunk.id }] });
  const extension = (await call('POST', '/extensions', { exten: '_9.', context: context.name })) as Created;
  await call('PUT', `/outcalls/${outcall.id}/extensions/${extension.id}`, { prefix: '0', strip_digits: 1 });
  const register = (await call('POST', '/registers/iax', { remote_host: 'seed' })) as Created;
  await call('PUT', `/registers/iax/${register.id}`, { remote_port: 4569 });
  return { trunk_id: String(trunk.id), outcall_id: String(outcall.id), register_iax_id: String(register.id) };
}

/**
 * The settings of confd part 3 in the confd walk: each section read, replaced with a body that
 * sets something, read back; then the wizard's status and the queues' skill rules.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;

/** A body each route takes, by path (what it reads back after the PUT). */
export const settingsMoreBodies: Record<string, unknown> = {
  '/asterisk/confbridge/wazo_default_bridge': { options: { type: 'bridge', max_members: '10' } },
  '/asterisk/confbridge/wazo_default_user': { options: { type: 'user', dsp_drop_silence: 'no' } },
  '/asterisk/features/applicationmap': {
    options: { nat: 'toto', username: 'Bob', togglerecord: '*3,self,AGI(localhost,...)' },
  },
  '/asterisk/features/featuremap': { options: { toto: 'titi', atxfer: '*0', blindxfer: '9' } },
  '/asterisk/features/general': { options: { nat: 'toto', username: 'Bob' } },
  '/asterisk/queues/general': { options: { persistentmembers: 'no', autofill: 'yes' } },
  '/recordings/announcements': { recording_start: 'beep', recording_stop: 'tt-monkeys' },
  '/dhcp': { active: true, pool_start: '10.0.0.1', pool_end: '10.0.0.254', network_interfaces: [] },
  '/ha': { node_type: 'master', remote_address: '10.10.10.10' },
};

export async function walkSettingsMore(call: Call): Promise<void> {
  for (const [path, body] of Object.entries(settingsMoreBodies)) {
    await call('GET', path);
    await call('PUT', path, body);
    await call('GET', path);
  }
  await call('PUT', '/ha', { node_type: 'disabled' });
  await call('GET', '/wizard');
  const rule = (await call('POST', '/queues/skillrules', {
    name: 'walk',
    rules: [{ definition: 'heldskill=1' }],
  })) as { id: number };
  await call('GET', '/queues/skillrules');
  await call('GET', `/queues/skillrules/${rule.id}`);
  await call('PUT', `/queues/skillrules/${rule.id}`, { name: 'walked' });
  await call('DELETE', `/queues/skillrules/${rule.id}`);
  await call('POST', '/queues/skillrules', { name: 'kept' });
}

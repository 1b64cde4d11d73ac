/**
 * The settings sections in the confd walk: each section is read (its defaults), replaced with a
 * body that sets something, and read back; per-tenant sections on the caller's tenant. Then the
 * system's lists (time zones, sound languages) and confd's view of the tenants.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;

/** A body each settings route takes, by path. */
export const settingsBodies: Record<string, unknown> = {
  '/asterisk/pjsip/global': { options: { user_agent: 'Wazo PBX', max_forwards: '70' } },
  '/asterisk/pjsip/system': { options: [{ key: 'timer_t1', value: '500' }] },
  '/asterisk/rtp/general': { options: { rtpstart: '10000', rtpend: '20000' } },
  '/asterisk/rtp/ice_host_candidates': { options: { '192.168.1.1': '203.0.113.1' } },
  '/asterisk/hep/general': { options: { enabled: '1', capture_address: '192.0.2.1:9061' } },
  '/asterisk/sccp/general': { options: { directmedia: 'no', keepalive: '10' } },
  '/asterisk/iax/general': { options: { bindport: '4569' }, ordered_options: [['allow', 'ulaw']] },
  '/asterisk/iax/callnumberlimits': {
    items: [{ ip_address: '192.0.2.0', netmask: '255.255.255.0', limit: 10 }],
  },
  '/asterisk/voicemail/general': { options: { maxmsg: '50' } },
  '/asterisk/voicemail/zonemessages': {
    items: [
      { name: 'eu-fr', timezone: 'Europe/Paris', message: "'vm-received' q 'digits/at' kM" },
      { name: 'plain', timezone: 'UTC', message: null },
    ],
  },
  '/configuration/live_reload': { enabled: false },
  '/provisioning/networking': { provision_host: '192.0.2.10', provision_http_port: 8667 },
  '/emails': { domain_name: 'example.com', address_rewriting_rules: [{ match: 'a', replacement: 'b' }] },
  '/localization': { country: 'CA' },
  '/voicemails/transcription': { enabled: true },
};

export async function walkSettings(call: Call): Promise<void> {
  for (const [path, body] of Object.entries(settingsBodies)) {
    await call('GET', path);
    await call('PUT', path, body);
    await call('GET', path);
  }
  await call('GET', '/timezones');
  await call('GET', '/sounds/languages');
  const tenants = (await call('GET', '/tenants?recurse=true')) as { items: { uuid: string }[] };
  for (const tenant of tenants.items) await call('GET', `/tenants/${tenant.uuid}`);
  await walkRegistrars(call);
  await walkAccessFeatures(call);
}

async function walkAccessFeatures(call: Call): Promise<void> {
  const created = (await call('POST', '/access_features', { host: '192.0.2.0/24' })) as { id: number };
  await call('GET', '/access_features');
  await call('GET', `/access_features/${created.id}`);
  await call('PUT', `/access_features/${created.id}`, { enabled: false });
  await call('DELETE', `/access_features/${created.id}`);
  // Kept (id 2): the writable-fields walk edits it.
  await call('POST', '/access_features', { host: '198.51.100.7', feature: 'phonebook', enabled: true });
}

async function walkRegistrars(call: Call): Promise<void> {
  await call('GET', '/registrars');
  const created = (await call('POST', '/registrars', {
    name: 'backup',
    main_host: '192.0.2.1',
    main_port: 5060,
    proxy_main_host: '192.0.2.1',
    proxy_backup_host: null,
  })) as { id: string };
  await call('GET', `/registrars/${created.id}`);
  await call('PUT', `/registrars/${created.id}`, { backup_host: '192.0.2.2', backup_port: 5060 });
  await call('DELETE', `/registrars/${created.id}`);
}

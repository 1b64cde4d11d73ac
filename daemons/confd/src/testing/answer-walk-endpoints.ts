/**
 * The endpoint part of the walk through every confd route: a transport, a template, a SIP
 * endpoint with every field, custom and SCCP endpoints, lines given and relieved of an endpoint
 * of each kind, a user's line endpoint in both views; each read, edited and deleted again.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Created = { id: number; uuid: string; name: string };

/** A transport, a template and an endpoint using both, each created and edited once. */
export async function seedEndpoints(call: Call) {
  const transport = (await call('POST', '/sip/transports', {
    name: 'walk-transport',
    options: [['protocol', 'wss']],
  })) as Created;
  const template = (await call('POST', '/endpoints/sip/templates', {
    label: 'webrtc',
    endpoint_section_options: [['webrtc', 'yes']],
  })) as Created;
  const sip = (await call('POST', '/endpoints/sip', {
    label: 'walk',
    asterisk_id: 'asterisk',
    auth_section_options: [['username', 'walk']],
    registration_section_options: [['client_uri', 'sip:walk@example.com']],
    templates: [{ uuid: template.uuid }],
    transport: { uuid: transport.uuid },
  })) as Created;
  await call('PUT', `/sip/transports/${transport.uuid}`, { options: [['protocol', 'wss']] });
  await call('PUT', `/endpoints/sip/templates/${template.uuid}`, { label: 'webrtc' });
  await call('PUT', `/endpoints/sip/${sip.uuid}`, { asterisk_id: 'asterisk' });
  const custom = (await call('POST', '/endpoints/custom', {
    interface: 'walk/custom',
    interface_suffix: 'suffix',
    enabled: true,
  })) as Created;
  const sccp = (await call('POST', '/endpoints/sccp', {
    options: [
      ['cid_name', 'Walk'],
      ['cid_num', '1001'],
      ['allow', 'alaw'],
      ['disallow', 'all'],
    ],
  })) as Created;
  await call('PUT', `/endpoints/custom/${custom.id}`, { interface_suffix: null });
  await call('PUT', `/endpoints/sccp/${sccp.id}`, { options: [['allow', 'ulaw']] });
  return { transport, template, sip, custom, sccp };
}

export async function walkEndpoints(call: Call, context: string, user: Created, userLine: Created) {
  const { transport, template, sip, custom, sccp } = await seedEndpoints(call);
  const line = (await call('POST', '/lines', { context })) as Created;
  await call('PUT', `/lines/${line.id}/endpoints/sip/${sip.uuid}`);
  const customLine = (await call('POST', '/lines', { context })) as Created;
  await call('PUT', `/lines/${customLine.id}/endpoints/custom/${custom.id}`);
  const sccpLine = (await call('POST', '/lines', {
    context,
    endpoint_sccp: { options: [['allow', 'g729']] },
  })) as Created;
  const sccpOwn = sccpLine as unknown as { endpoint_sccp: { id: number } };
  for (const url of [
    '/sip/transports',
    `/sip/transports/${transport.uuid}`,
    '/endpoints/sip/templates?recurse=true',
    `/endpoints/sip/templates/${template.uuid}`,
    '/endpoints/sip?recurse=true',
    `/endpoints/sip/${sip.uuid}`,
    `/endpoints/sip/${sip.uuid}?view=merged`,
    `/users/${user.uuid}/lines/${userLine.id}/associated/endpoints/sip`,
    `/users/${user.uuid}/lines/main/associated/endpoints/sip?view=merged`,
    '/endpoints/custom?recurse=true',
    `/endpoints/custom/${custom.id}`,
    '/endpoints/sccp?recurse=true',
    `/endpoints/sccp/${sccp.id}`,
    `/lines/${customLine.id}`,
    `/lines/${sccpLine.id}`,
  ])
    await call('GET', url);
  await call('DELETE', `/lines/${customLine.id}/endpoints/custom/${custom.id}`);
  await call('DELETE', `/lines/${sccpLine.id}/endpoints/sccp/${sccpOwn.endpoint_sccp.id}`);
  await call('PUT', `/lines/${sccpLine.id}/endpoints/sccp/${sccp.id}`);
  await call('DELETE', `/lines/${sccpLine.id}`);
  await call('DELETE', `/endpoints/sccp/${sccpOwn.endpoint_sccp.id}`);
  await call('DELETE', `/endpoints/custom/${custom.id}`);
  await call('DELETE', `/lines/${customLine.id}`);
  await call('PUT', `/sip/transports/${transport.uuid}`, { options: [] });
  await call('PUT', `/endpoints/sip/templates/${template.uuid}`, { label: null });
  await call('PUT', `/endpoints/sip/${sip.uuid}`, { transport: null, asterisk_id: null });
  await call('DELETE', `/lines/${line.id}/endpoints/sip/${sip.uuid}`);
  await call('DELETE', `/lines/${line.id}`);
  await call('DELETE', `/endpoints/sip/${sip.uuid}`);
  await call('DELETE', `/endpoints/sip/templates/${template.uuid}`);
  await call('DELETE', `/sip/transports/${transport.uuid}`);
}

/**
 * The answer walk's part for HTTP ingresses, meetings and their guests' authorizations: each
 * route called once (the `me` routes as the walk's token, whose user owns what it creates; the
 * guest routes need no token but take one), then removed again. `seedMeetings` leaves an ingress,
 * a meeting of `me` and a guest's authorization for the writable-fields walk, and returns the
 * path parameters naming them. The tenant needs its default SIP templates (a meeting's guest
 * endpoint is made from its `meeting_guest` template).
 */
type Call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => Promise<unknown>;

export interface MeetingParams {
  http_ingress_uuid: string;
  meeting_uuid: string;
  authorization_uuid: string;
  guest_uuid: string;
}

const GUEST = '169e4045-4f2d-4cd1-9933-97c9a1ebb3ff';

export async function seedMeetings(call: Call): Promise<MeetingParams> {
  const ingress = (await call('POST', '/ingresses/http', { uri: 'https://meet.example.com' })) as {
    uuid: string;
  };
  const meeting = (await call('POST', '/users/me/meetings', {
    name: 'standup',
    require_authorization: true,
  })) as { uuid: string };
  const authorization = (await call('POST', `/guests/${GUEST}/meetings/${meeting.uuid}/authorizations`, {
    guest_name: 'jane doe',
  })) as { uuid: string };
  return {
    http_ingress_uuid: ingress.uuid,
    meeting_uuid: meeting.uuid,
    authorization_uuid: authorization.uuid,
    guest_uuid: GUEST,
  };
}

export async function walkMeetings(call: Call): Promise<void> {
  const {
    http_ingress_uuid: ingress,
    meeting_uuid: meeting,
    authorization_uuid: auth,
  } = await seedMeetings(call);
  for (const url of ['/ingresses/http', '/ingresses/http?view=fallback', `/ingresses/http/${ingress}`])
    await call('GET', url);
  await call('PUT', `/ingresses/http/${ingress}`, { uri: 'https://meet.example.org' });

  const other = (await call('POST', '/meetings', { name: 'all hands', persistent: true })) as {
    uuid: string;
  };
  for (const url of [
    '/meetings',
    `/meetings/${other.uuid}`,
    '/users/me/meetings',
    `/users/me/meetings/${meeting}`,
    `/guests/me/meetings/${meeting}`,
  ])
    await call('GET', url);
  await call('PUT', `/meetings/${other.uuid}`, { name: 'all hands', owner_uuids: [] });
  await call('PUT', `/users/me/meetings/${meeting}`, { name: 'standup', owner_uuids: [] });

  const own = `/users/me/meetings/${meeting}/authorizations`;
  for (const url of [
    own,
    `/user/me/meetings/${meeting}/authorizations`,
    `${own}/${auth}`,
    `/guests/${GUEST}/meetings/${meeting}/authorizations/${auth}`,
  ])
    await call('GET', url);
  await call('PUT', `${own}/${auth}/reject`);
  await call('PUT', `${own}/${auth}/accept`);
  await call('PUT', `/user/me/meetings/${meeting}/authorizations/${auth}/reject`);
  await call('PUT', `/user/me/meetings/${meeting}/authorizations/${auth}/accept`);
  await call('DELETE', `${own}/${auth}`);

  await call('DELETE', `/users/me/meetings/${meeting}`);
  await call('DELETE', `/meetings/${other.uuid}`);
  await call('DELETE', `/ingresses/http/${ingress}`);
}

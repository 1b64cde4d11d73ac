/**
 * The answer walk's part for blocklists, external apps and feature extensions: each route called
 * once (the `me` routes as the walk's token, whose user is `me`), what it creates read back, then
 * removed again. `seedUserExtras` leaves one of each for the writable-fields walk.
 */
type Call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) => Promise<unknown>;
type Owner = { uuid: string };

export interface UserExtras {
  blocklistNumber: { uuid: string };
  appName: string;
  featureUuid: string;
}

export async function seedUserExtras(call: Call, user: Owner): Promise<UserExtras> {
  const blocklistNumber = (await call('POST', '/users/me/blocklist/numbers', {
    number: '+15551234567',
    label: 'spam',
  })) as { uuid: string };
  const configuration = { url: 'https://app.example.com', nested: { list: [1, 'two', null] } };
  await call('POST', '/external/apps/walk', { label: 'Walk', configuration });
  await call('POST', `/users/${user.uuid}/external/apps/walk`, { label: null, configuration: {} });
  const features = (await call('GET', '/extensions/features?feature=enablednd')) as {
    items: { uuid: string }[];
  };
  return { blocklistNumber, appName: 'walk', featureUuid: features.items[0]!.uuid };
}

export async function walkUserExtras(call: Call, user: Owner): Promise<void> {
  const { blocklistNumber, appName, featureUuid } = await seedUserExtras(call, user);
  const own = `/users/me/blocklist/numbers/${blocklistNumber.uuid}`;
  for (const url of [
    '/users/me/blocklist/numbers',
    own,
    '/users/blocklist/numbers?recurse=true',
    `/users/blocklist/numbers/${blocklistNumber.uuid}`,
    '/users/me/blocklist/numbers',
  ])
    await call('GET', url);
  await call('PUT', own, { label: null });
  await call('GET', `/users/${user.uuid}/blocklist/numbers`);
  await call('DELETE', own);

  const app = `/external/apps/${appName}`;
  const userApp = `/users/${user.uuid}/external/apps/${appName}`;
  for (const url of ['/external/apps', app, `/users/${user.uuid}/external/apps?view=fallback`, userApp])
    await call('GET', url);
  await call('PUT', app, { label: 'Walked' });
  await call('PUT', userApp, { configuration: { a: 1 } });
  await call('GET', `/users/${user.uuid}/external/apps`);
  await call('DELETE', userApp);
  await call('GET', `${userApp}?view=fallback`);
  await call('DELETE', app);

  await call('GET', '/extensions/features');
  await call('GET', `/extensions/features/${featureUuid}`);
  await call('PUT', `/extensions/features/${featureUuid}`, { enabled: true });
}

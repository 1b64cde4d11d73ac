/**
 * The IAX endpoint and application part of the walk through every confd route: an IAX endpoint
 * and an application made, a line given and relieved of the application, each read, edited and
 * deleted again.
 */
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Created = { id: number; uuid: string };

/** An IAX endpoint with options and an application with a node, each created and edited once. */
export async function seedIaxAndApplication(call: Call) {
  const iax = (await call('POST', '/endpoints/iax', {
    name: 'walk-iax',
    type: 'peer',
    options: [
      ['secret', 'walk'],
      ['foo', 'bar'],
    ],
  })) as Created;
  const application = (await call('POST', '/applications', {
    name: 'walk-app',
    destination: 'node',
    destination_options: { type: 'holding', music_on_hold: 'default', answer: true },
  })) as Created;
  await call('PUT', `/endpoints/iax/${iax.id}`, { host: 'static' });
  await call('PUT', `/applications/${application.uuid}`, { name: 'walk-app' });
  return { iax, application };
}

export async function walkIaxAndApplications(call: Call, lineId: number) {
  const { iax, application } = await seedIaxAndApplication(call);
  await call('PUT', `/lines/${lineId}/applications/${application.uuid}`);
  for (const url of [
    '/endpoints/iax?recurse=true',
    `/endpoints/iax/${iax.id}`,
    '/applications?recurse=true',
    `/applications/${application.uuid}`,
    `/lines/${lineId}`,
  ])
    await call('GET', url);
  await call('DELETE', `/lines/${lineId}/applications/${application.uuid}`);
  await call('DELETE', `/applications/${application.uuid}`);
  await call('DELETE', `/endpoints/iax/${iax.id}`);
}

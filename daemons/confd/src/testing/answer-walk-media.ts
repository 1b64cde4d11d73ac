/**
 * The media part of the walk through every confd route: an IVR with choices and destinations
 * (one of them another IVR) and a music on hold class, each listed, read, edited and deleted;
 * sound categories; and (`walkMediaFiles`, raw bytes rather than JSON) a music on hold class's
 * and a sound category's file uploaded, read and deleted.
 */
import type { FastifyInstance } from 'fastify';
import type { Method } from './route-calls.js';

type Call = (method: Method, url: string, body?: unknown) => Promise<unknown>;
type Created = { id: number; uuid: string };

/** An IVR and a music on hold class, created and edited once (the writable-fields test's world). */
export async function seedMedia(call: Call, user: { id: number }) {
  const moh = (await call('POST', '/moh', { label: 'walk-moh', mode: 'files', sort: 'random' })) as Created;
  await call('PUT', `/moh/${moh.uuid}`, { label: 'walk moh' });
  const target = (await call('POST', '/ivr', { name: 'walk-target', menu_sound: 'menu' })) as Created;
  const ivr = (await call('POST', '/ivr', {
    name: 'walk-ivr',
    menu_sound: 'menu',
    abort_destination: { type: 'user', user_id: user.id, moh_uuid: moh.uuid },
    choices: [
      { exten: '1', destination: { type: 'ivr', ivr_id: target.id } },
      { exten: '2', destination: { type: 'none' } },
    ],
  })) as Created;
  await call('PUT', `/ivr/${ivr.id}`, { timeout_destination: { type: 'hangup', cause: 'normal' } });
  return { moh, ivr, target };
}

export async function walkMedia(call: Call, user: { id: number }): Promise<void> {
  const { moh, ivr, target } = await seedMedia(call, user);
  for (const url of ['/ivr?recurse=true', `/ivr/${ivr.id}`, '/moh?recurse=true', `/moh/${moh.uuid}`])
    await call('GET', url);
  await call('DELETE', `/ivr/${target.id}`);
  await call('DELETE', `/ivr/${ivr.id}`);
  await call('DELETE', `/moh/${moh.uuid}`);
  await call('POST', '/sounds', { name: 'walk-sounds' });
  for (const url of ['/sounds?recurse=true', '/sounds/walk-sounds', '/sounds/system']) await call('GET', url);
  await call('DELETE', '/sounds/walk-sounds');
}

/** A WAV file Asterisk plays as music on hold: mono, 8 kHz, 16 bits, two samples. */
export function tinyWav(): Buffer {
  const header = Buffer.from(
    'RIFF\0\0\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x40\x1f\0\0\x80\x3e\0\0\x02\0\x10\0data\x04\0\0\0\0\0\0\0',
    'latin1',
  );
  header.writeUInt32LE(header.length - 8, 4);
  return header;
}

/** A class's file uploaded, listed, downloaded and deleted, with the token `token`. */
export async function walkMediaFiles(app: FastifyInstance, token: string): Promise<void> {
  const headers = { 'x-auth-token': token };
  const inject = async (method: Method, url: string, payload?: Buffer) => {
    const res = await app.inject({
      method,
      url: `/1.1${url}`,
      headers: payload ? { ...headers, 'content-type': 'application/octet-stream' } : headers,
      ...(payload ? { payload } : {}),
    });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const created = await app.inject({
    method: 'POST',
    url: '/1.1/moh',
    headers,
    payload: { label: 'walk-files', mode: 'files' },
  });
  const { uuid } = created.json() as { uuid: string };
  const file = `/moh/${uuid}/files/walk.wav`;
  await inject('PUT', file, tinyWav());
  const read = await inject('GET', file);
  if (!read.rawPayload.equals(tinyWav())) throw new Error(`GET ${file}: not the uploaded bytes`);
  await inject('DELETE', file);
  await inject('DELETE', `/moh/${uuid}`);
  await app.inject({ method: 'POST', url: '/1.1/sounds', headers, payload: { name: 'walk-files' } });
  const sound = '/sounds/walk-files/files/hello';
  await inject('PUT', `${sound}?format=slin&language=en_US`, tinyWav());
  await inject('GET', `${sound}?language=en_US`);
  await inject('DELETE', sound);
  await inject('DELETE', '/sounds/walk-files');
}

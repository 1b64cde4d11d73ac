/**
 * The session file is replaced, never rewritten in place: a reader (another `wazo` renewing the
 * token at the same time) sees the old file or the new one, whole, and never a looser mode.
 */
import assert from 'node:assert/strict';
import { chmod, mkdtemp, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadSession, type SavedSession, saveSession, sessionFile } from './store.js';

async function freshEnv(): Promise<NodeJS.ProcessEnv> {
  return { XDG_CONFIG_HOME: await mkdtemp(join(tmpdir(), 'wazo-store-test-')) };
}

function sessionWith(token: string): SavedSession {
  return { auth_url: 'http://127.0.0.1:9497/0.1', token, refresh_token: 'r'.repeat(64) };
}

describe('the session file', () => {
  it('when saved over a world-readable file, then a new 0600 file replaces it and no temp file is left', async () => {
    const env = await freshEnv();
    await saveSession(env, sessionWith('first'));
    const file = sessionFile(env);
    await writeFile(file, '{"auth_url": "http://old"}', { mode: 0o644 });
    await chmod(file, 0o644);
    const before = await stat(file);
    await saveSession(env, sessionWith('second'));
    const after = await stat(file);
    assert.equal(after.mode & 0o777, 0o600);
    assert.notEqual(after.ino, before.ino, 'the old (0644) file was rewritten in place');
    assert.deepEqual(await readdir(join(env.XDG_CONFIG_HOME as string, 'wazo')), ['config.json']);
    assert.equal((await loadSession(env))?.token, 'second');
  });

  it('when sessions are saved while others read it, then every read is whole JSON', async () => {
    const env = await freshEnv();
    await saveSession(env, sessionWith('t'.repeat(200_000)));
    let writing = true;
    let reads = 0;
    const broken: string[] = [];
    const reader = async () => {
      while (writing) {
        reads += 1;
        await loadSession(env).catch((error: Error) => broken.push(error.message));
      }
    };
    const readers = [reader(), reader(), reader()];
    try {
      for (let round = 0; round < 20; round += 1)
        await Promise.all(
          ['a', 'b', 'c'].map((c) => saveSession(env, sessionWith(c.repeat(200_000 + round)))),
        );
    } finally {
      writing = false;
      await Promise.all(readers);
    }
    assert.ok(reads > 0);
    assert.deepEqual(broken, []);
    const last = await loadSession(env);
    assert.equal(last?.token?.length, 200_019);
  });
});

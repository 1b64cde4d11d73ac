/**
 * The Wazo uuid of this platform (Wazo's XIVO_UUID): the `origin_uuid` of every event, the
 * `xivo_uuid` of every token, and what websocketd matches events on. Made once, kept in the data
 * folder so it survives restarts; `XIVO_UUID` in the environment wins.
 */

import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isUuid } from '@wazo-ts/db';

export async function platformUuid(dataDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  if (env.XIVO_UUID) return env.XIVO_UUID;
  const file = join(dataDir, 'wazo-uuid');
  const kept = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );
  if (kept !== null) {
    if (!isUuid(kept))
      throw new Error(`${file}: not a uuid (${JSON.stringify(kept)}); remove it to make a new one`);
    return kept;
  }
  const uuid = randomUUID();
  // 'wx': never through whatever might be there (a dangling link) by now.
  await writeFile(file, `${uuid}\n`, { mode: 0o644, flag: 'wx' });
  return uuid;
}

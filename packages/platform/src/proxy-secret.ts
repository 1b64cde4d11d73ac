/**
 * The secret the gateway proves itself with to the daemons (`X-Wazo-Proxy-Secret`): only then do
 * they believe its X-Forwarded-For, so no other local process can choose the client address the
 * login guard counts. Made once, kept 0600 in the data folder like the other secrets; given to
 * the daemons through their config (`rest_api.proxy_secret`).
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SECRET = /^[A-Za-z0-9_-]{32,}$/;

export const proxySecretFileOf = (dataDir: string) => join(dataDir, 'proxy-secret');

export async function platformProxySecret(dataDir: string): Promise<string> {
  const file = proxySecretFileOf(dataDir);
  const kept = await readFile(file, 'utf8').then(
    (text) => text.trim(),
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    },
  );
  if (kept !== null) {
    if (!SECRET.test(kept)) throw new Error(`${file}: not a proxy secret; remove it to make a new one`);
    return kept;
  }
  const secret = randomBytes(32).toString('base64url');
  // 'wx': never through whatever might be there (a dangling link) by now.
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  return secret;
}

/**
 * What `wazo login` keeps between commands: where the services are, how to trust them, and the
 * token with what renews it. One JSON file, `$XDG_CONFIG_HOME/wazo/config.json` (or
 * `~/.config/wazo/`), readable by its owner only since it holds credentials.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CliError } from './errors.js';

export interface SavedSession {
  auth_url: string;
  confd_url?: string | undefined;
  websocketd_url?: string | undefined;
  dird_url?: string | undefined;
  ca_cert?: string | undefined;
  insecure?: boolean | undefined;
  username?: string | undefined;
  token?: string | undefined;
  /** UTC ISO time the token stops working. */
  expires_at?: string | undefined;
  refresh_token?: string | undefined;
  client_id?: string | undefined;
  tenant_uuid?: string | undefined;
}

export function configDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'wazo');
}

export function sessionFile(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'config.json');
}

export async function loadSession(env: NodeJS.ProcessEnv): Promise<SavedSession | null> {
  const file = sessionFile(env);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as SavedSession;
  } catch {
    throw new CliError(`${file} is not valid JSON: fix it or remove it and run \`wazo login\``);
  }
}

/**
 * Writes a new 0600 file next to the old one, then renames it over: readers (another `wazo`
 * renewing the token at the same moment) see the old file or the new one, never a truncated one,
 * and the credentials never sit in a file with a looser mode.
 */
export async function saveSession(env: NodeJS.ProcessEnv, session: SavedSession): Promise<string> {
  const dir = configDir(env);
  const file = sessionFile(env);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.config.json.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // 'wx': a fresh file, created with mode 0600 (never an existing one, nor through a symlink).
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(`${JSON.stringify(session, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw new CliError(`cannot save ${file}: ${(error as Error).message}`);
  }
  return file;
}

/** Forgets the token but keeps where the services are, so `wazo login` needs no flags again. */
export async function forgetToken(env: NodeJS.ProcessEnv, session: SavedSession): Promise<void> {
  const { token: _t, expires_at: _e, refresh_token: _r, ...kept } = session;
  await saveSession(env, kept);
}

/**
 * The initial admin: from WAZO_ADMIN_USERNAME/WAZO_ADMIN_PASSWORD, or generated on first start.
 * Either way the credentials are kept in `<data>/admin-credentials.yml` (mode 0600), so the banner
 * can say where they are and later starts do not create another admin. Given again with other
 * values on a later start, the environment wins: wazo-auth's bootstrap resets that user.
 */
import { randomInt } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export interface AdminCredentials {
  username: string;
  password: string;
}

export interface AdminPlan extends AdminCredentials {
  /** wazo-auth must create the user (or reset its password) at this start. */
  bootstrap: boolean;
  /** The password was made up by this start (the banner prints it, once). */
  generated: boolean;
  file: string;
}

const CHARS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DEFAULT_USERNAME = 'admin';

/** Wazo's generated passwords: 28 letters and digits. */
export function generatePassword(length = 28): string {
  return Array.from({ length }, () => CHARS[randomInt(CHARS.length)]).join('');
}

export const adminCredentialsFile = (dataDir: string) => join(dataDir, 'admin-credentials.yml');

export async function readAdminCredentials(dataDir: string): Promise<AdminCredentials | null> {
  try {
    const saved = parse(await readFile(adminCredentialsFile(dataDir), 'utf8')) as Partial<AdminCredentials>;
    return saved?.username && saved.password ? { username: saved.username, password: saved.password } : null;
  } catch {
    return null;
  }
}

export async function planAdmin(dataDir: string, env: NodeJS.ProcessEnv): Promise<AdminPlan> {
  const file = adminCredentialsFile(dataDir);
  const saved = await readAdminCredentials(dataDir);
  const given = env.WAZO_ADMIN_PASSWORD;
  const username = env.WAZO_ADMIN_USERNAME || saved?.username || DEFAULT_USERNAME;
  if (given) {
    const same = saved?.username === username && saved.password === given;
    return { username, password: given, bootstrap: !same, generated: false, file };
  }
  if (saved && saved.username === username) return { ...saved, bootstrap: false, generated: false, file };
  return { username, password: generatePassword(), bootstrap: true, generated: true, file };
}

export async function saveAdminCredentials(plan: AdminPlan): Promise<void> {
  const text = `# The platform's initial administrator (wazo-auth), made on first start.\n${stringify({
    username: plan.username,
    password: plan.password,
  })}`;
  await writeFile(plan.file, text, { mode: 0o600 });
}

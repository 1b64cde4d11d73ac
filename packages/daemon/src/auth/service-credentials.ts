/**
 * The service account a daemon logs in with: `auth.username`/`auth.password` when set, else the
 * `service_id`/`service_key` of `auth.key_file` (Wazo's key files, written at install time).
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { AuthClientConfig } from '../config/schema.js';

export interface ServiceCredentials {
  username: string;
  password: string;
}

/** The credentials, or an Error whose message says what is missing (shown in /status). */
export async function loadServiceCredentials(config: AuthClientConfig): Promise<ServiceCredentials | Error> {
  if (config.username && config.password) return { username: config.username, password: config.password };
  if (!config.key_file)
    return new Error('no service credentials: set auth.username and auth.password, or auth.key_file');
  let document: unknown;
  try {
    document = parse(await readFile(config.key_file, 'utf8'));
  } catch (error) {
    return new Error(`cannot read key file ${config.key_file}: ${(error as Error).message}`);
  }
  const keys = (document ?? {}) as Record<string, unknown>;
  if (typeof keys.service_id !== 'string' || typeof keys.service_key !== 'string') {
    return new Error(`key file ${config.key_file} lacks service_id or service_key`);
  }
  return { username: keys.service_id, password: keys.service_key };
}

/**
 * User passwords in wazo-auth's stored format, so hashes move between Wazo and wazo-ts both ways:
 * PBKDF2-HMAC-SHA512 over the UTF-8 password, a 64-byte random salt (stored as bytea), a 64-byte
 * derived key stored as lowercase hex. Wazo stores no iteration count, so the count must be the
 * one the hash was made with (Wazo's: 250,000; config `password_hash_iterations`).
 *
 * PBKDF2 is run with the async `crypto.pbkdf2`, on libuv's thread pool: at 250,000 rounds one hash
 * costs tens of milliseconds, which would stall every request if run on the event loop.
 */
import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

export const DEFAULT_PASSWORD_ITERATIONS = 250_000;
const SALT_LENGTH = 64;
const KEY_LENGTH = 64;
const DIGEST = 'sha512';

export interface PasswordHash {
  /** Hex digest, 128 characters. */
  hash: string;
  salt: Buffer;
}

async function derive(password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, KEY_LENGTH, DIGEST);
}

export async function hashPassword(
  password: string,
  iterations: number = DEFAULT_PASSWORD_ITERATIONS,
): Promise<PasswordHash> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, iterations);
  return { hash: key.toString('hex'), salt };
}

/**
 * True when `password` gives `hash` with `salt`. The comparison is constant-time; a stored hash
 * that is not 128 hex characters never matches, but the key is still derived so the time spent
 * does not tell it apart.
 */
export async function verifyPassword(
  password: string,
  hash: string | null | undefined,
  salt: Uint8Array | null | undefined,
  iterations: number = DEFAULT_PASSWORD_ITERATIONS,
): Promise<boolean> {
  if (!hash || !salt || salt.length === 0) {
    await verifyAgainstDummy(password, iterations);
    return false;
  }
  const key = await derive(password, Buffer.from(salt), iterations);
  const wellFormed = /^[0-9a-fA-F]{128}$/.test(hash);
  const stored = wellFormed ? Buffer.from(hash, 'hex') : Buffer.alloc(KEY_LENGTH);
  return timingSafeEqual(key, stored) && wellFormed;
}

// One salt per process, as Wazo: an unknown login derives a key as a known one does.
const dummySalt = randomBytes(SALT_LENGTH);

/**
 * Spends the time of one real check and always answers false: called for an unknown login, a
 * user without a password or a disabled one, so the response time does not reveal which logins
 * exist.
 */
export async function verifyAgainstDummy(
  password: string,
  iterations: number = DEFAULT_PASSWORD_ITERATIONS,
): Promise<false> {
  await derive(password, dummySalt, iterations);
  return false;
}

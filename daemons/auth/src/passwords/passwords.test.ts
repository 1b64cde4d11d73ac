import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords.js';

// Few rounds keep the tests fast; the format does not depend on the count.
const ROUNDS = 1000;

/** A hash made the way wazo-auth makes one (hashlib.pbkdf2_hmac, hexlify), by Python itself. */
function wazoHash(password: string, salt: Buffer, iterations: number): string {
  const script = [
    'import binascii, hashlib, sys',
    'pw, salt, n = sys.argv[1], bytes.fromhex(sys.argv[2]), int(sys.argv[3])',
    "print(binascii.hexlify(hashlib.pbkdf2_hmac('sha512', pw.encode('utf-8'), salt, n)).decode('utf-8'))",
  ].join('\n');
  return execFileSync('/usr/bin/python3', ['-c', script, password, salt.toString('hex'), String(iterations)])
    .toString()
    .trim();
}

describe('passwords', () => {
  it('when a password is hashed, then the salt has 64 bytes and the hash 128 hex characters', async () => {
    const { hash, salt } = await hashPassword('secret', ROUNDS);
    assert.equal(salt.length, 64);
    assert.match(hash, /^[0-9a-f]{128}$/);
  });

  it('when the same password is hashed twice, then salts and hashes differ', async () => {
    const a = await hashPassword('secret', ROUNDS);
    const b = await hashPassword('secret', ROUNDS);
    assert.notEqual(a.hash, b.hash);
    assert.notDeepEqual(a.salt, b.salt);
  });

  it('when a hash made by Wazo (Python hashlib) is imported, then its password verifies', async () => {
    const salt = randomBytes(64);
    const password = 'pässwörd-€';
    const hash = wazoHash(password, salt, ROUNDS);
    assert.equal(await verifyPassword(password, hash, salt, ROUNDS), true);
    assert.equal(await verifyPassword('other', hash, salt, ROUNDS), false);
  });

  it("when we hash with Wazo's default count, then Python computes the same digest", async () => {
    const { hash, salt } = await hashPassword('admin-pass');
    assert.equal(wazoHash('admin-pass', salt, 250_000), hash);
  });

  it('when the password is wrong, then it does not verify', async () => {
    const { hash, salt } = await hashPassword('secret', ROUNDS);
    assert.equal(await verifyPassword('secret', hash, salt, ROUNDS), true);
    assert.equal(await verifyPassword('Secret', hash, salt, ROUNDS), false);
  });

  it('when the stored hash or salt is missing or malformed, then nothing verifies', async () => {
    const { hash, salt } = await hashPassword('secret', ROUNDS);
    assert.equal(await verifyPassword('secret', null, salt, ROUNDS), false);
    assert.equal(await verifyPassword('secret', hash, null, ROUNDS), false);
    assert.equal(await verifyPassword('secret', hash.slice(2), salt, ROUNDS), false);
    assert.equal(await verifyPassword('secret', 'zz'.repeat(64), salt, ROUNDS), false);
  });

  it('when checked against the dummy, then the answer is false', async () => {
    assert.equal(await verifyAgainstDummy('anything', ROUNDS), false);
  });

  it('when hashing, then the event loop keeps running', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    await hashPassword('secret', 200_000);
    clearInterval(timer);
    assert.ok(ticks > 0, 'the loop was blocked during the hash');
  });
});

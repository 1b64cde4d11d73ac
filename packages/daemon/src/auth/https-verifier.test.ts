import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { WazoError } from '@wazo-ts/errors';
import { generate } from 'selfsigned';
import type { AuthClientConfig } from '../config/schema.js';
import { createHttpTokenVerifier } from './http-verifier.js';
import { formatWazoUtc } from './testing/fake-wazo-auth.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

describe('HTTP token verifier over HTTPS', () => {
  let server: https.Server;
  let caFile: string;

  before(async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], { keySize: 2048 });
    caFile = join(await mkdtemp(join(tmpdir(), 'wazo-ca-')), 'ca.pem');
    await writeFile(caFile, pems.cert);
    server = https.createServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
      const data = {
        token: 't',
        auth_id: 'a',
        session_uuid: 's',
        acl: [],
        metadata: {},
        utc_expires_at: formatWazoUtc(Date.now() + 60_000),
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  after(() => {
    server.closeAllConnections();
    server.close();
  });

  function verifierWith(verify: boolean | string) {
    const config: AuthClientConfig = {
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      prefix: null,
      https: true,
      verify_certificate: verify,
      timeout: 5,
      key_file: null,
      username: null,
      password: null,
      token_expiration: 3600,
    };
    return createHttpTokenVerifier({ config, logger: silent });
  }

  it('when the certificate is self-signed and verified, then 503', async () => {
    const verifier = verifierWith(true);
    const error = (await verifier.get('t').catch((e) => e)) as WazoError;
    verifier.close();
    assert.equal(error.errorId, 'authentication-server-unreachable');
  });

  it('when verify_certificate is false, then the token is read', async () => {
    const verifier = verifierWith(false);
    assert.equal((await verifier.get('t'))?.auth_id, 'a');
    verifier.close();
  });

  it('when verify_certificate names the CA file, then the token is read', async () => {
    const verifier = verifierWith(caFile);
    assert.equal((await verifier.get('t'))?.auth_id, 'a');
    verifier.close();
  });
});

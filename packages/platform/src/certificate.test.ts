import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { once } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { generate } from 'selfsigned';
import { ensureCertificate, RENEW_WITHIN_DAYS, SERVER_LIFETIME_DAYS } from './certificate.js';

const DAY_MS = 86_400_000;
let root: string;
before(async () => {
  root = await mkdtemp(join(tmpdir(), 'wazo-cert-'));
});
after(() => rm(root, { recursive: true, force: true }));

let counter = 0;
const freshDir = () => join(root, `data-${++counter}`);

/** The status of a GET over TLS to a server with the pair, trusting only `ca`. */
async function handshake(pair: { certificate: string; privateKey: string }, ca: string): Promise<number> {
  const server = createServer(
    { cert: await readFile(pair.certificate), key: await readFile(pair.privateKey) },
    (_req, res) => res.end('ok'),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    const req = request({
      host: '127.0.0.1',
      port,
      path: '/',
      ca: await readFile(ca),
      servername: 'localhost',
    });
    req.end();
    const [res] = (await once(req, 'response')) as [import('node:http').IncomingMessage];
    res.resume();
    return res.statusCode ?? 0;
  } finally {
    server.close();
  }
}

const certOf = async (path: string) => new X509Certificate(await readFile(path));

describe('the platform certificate', () => {
  it('when the data folder is new, then an authority signs an 825-day SHA-256 server certificate that is not a CA', async () => {
    const made = await ensureCertificate({ dataDir: freshDir() });
    assert.equal(made.generated, true);
    assert.ok(made.authority);
    const authority = await certOf(made.authority);
    const server = await certOf(made.certificate);
    assert.equal(authority.ca, true);
    assert.equal(server.ca, false);
    assert.ok(server.checkIssued(authority) && server.verify(authority.publicKey));
    const days = (Date.parse(server.validTo) - Date.parse(server.validFrom)) / DAY_MS;
    assert.ok(days <= SERVER_LIFETIME_DAYS, `valid ${days} days`);
    assert.match(server.subjectAltName ?? '', /DNS:localhost/);
    assert.match(server.subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
    assert.equal((await stat(made.privateKey)).mode & 0o777, 0o600);
    assert.equal((await stat(join(made.authority, '..', 'ca.key'))).mode & 0o777, 0o600);
    // sha256WithRSAEncryption: browsers refuse SHA-1 signatures.
    assert.doesNotMatch(server.toString(), /sha1/i);
    assert.equal(await handshake(made, made.authority), 200, 'a client trusting the authority connects');
    assert.equal(
      await handshake(made, made.certificate),
      200,
      'a client that trusted server.crt still connects',
    );
  });

  it('when started again, then the same certificate is kept; close to its end, a new one from the same authority', async () => {
    const dataDir = freshDir();
    const first = await ensureCertificate({ dataDir });
    const firstPem = await readFile(first.certificate, 'utf8');
    const again = await ensureCertificate({ dataDir });
    assert.equal(again.generated, false);
    assert.equal(await readFile(again.certificate, 'utf8'), firstPem);

    const later = Date.now() + (SERVER_LIFETIME_DAYS - RENEW_WITHIN_DAYS + 1) * DAY_MS;
    const renewed = await ensureCertificate({ dataDir, now: () => later });
    assert.equal(renewed.generated, true);
    assert.notEqual(await readFile(renewed.certificate, 'utf8'), firstPem);
    assert.equal(
      await readFile(renewed.authority as string, 'utf8'),
      await readFile(first.authority as string, 'utf8'),
      'the authority users trust stays',
    );
    const leaf = await certOf(renewed.certificate);
    assert.ok(leaf.verify((await certOf(renewed.authority as string)).publicKey));
    assert.ok(
      Date.parse(leaf.validTo) > later + (SERVER_LIFETIME_DAYS - 2) * DAY_MS,
      'valid from the renewal on',
    );
  });

  it('when the folder holds the old self-signed certificate that was its own CA, then it is replaced by one the authority signs', async () => {
    const dataDir = freshDir();
    const tls = join(dataDir, 'tls');
    await mkdir(tls, { recursive: true });
    const old = await generate([{ name: 'commonName', value: 'localhost' }], {
      notAfterDate: new Date(Date.now() + 3650 * DAY_MS),
      extensions: [{ name: 'basicConstraints', cA: true }],
    });
    await writeFile(join(tls, 'server.crt'), old.cert);
    await writeFile(join(tls, 'server.key'), old.private);
    const made = await ensureCertificate({ dataDir });
    assert.equal(made.generated, true);
    assert.equal((await certOf(made.certificate)).ca, false);
  });

  it('when the user gives a certificate, then it is served as given and there is no authority', async () => {
    const given = await ensureCertificate({
      dataDir: freshDir(),
      certificate: '/x.crt',
      privateKey: '/x.key',
    });
    assert.deepEqual(given, {
      certificate: '/x.crt',
      privateKey: '/x.key',
      generated: false,
      selfSigned: false,
      authority: null,
    });
    await assert.rejects(ensureCertificate({ dataDir: freshDir(), certificate: '/x.crt' }), /set together/);
  });
});

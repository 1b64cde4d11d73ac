/** A self-signed certificate for `localhost` and 127.0.0.1, written to files, for TLS tests. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface CertificateFiles {
  certificate: string;
  privateKey: string;
  /** The certificate PEM, to trust it as a CA in a client. */
  pem: string;
}

export async function createSelfSignedCertificate(dir?: string): Promise<CertificateFiles> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'wazo-cert-')));
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    notAfterDate: new Date(Date.now() + 2 * 86_400_000),
    keySize: 2048,
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const certificate = join(folder, 'server.crt');
  const privateKey = join(folder, 'server.key');
  await writeFile(certificate, pems.cert);
  await writeFile(privateKey, pems.private, { mode: 0o600 });
  return { certificate, privateKey, pem: pems.cert };
}

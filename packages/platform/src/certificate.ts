/**
 * The gateway's certificate: the one the user names (WAZO_TLS_CERT/WAZO_TLS_KEY), or a
 * self-signed one made on first start and kept in the data folder, so clients that trusted it
 * once keep trusting it.
 */
import { access, mkdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { GatewayCertificate } from './gateway/gateway.js';

export interface PlatformCertificate extends GatewayCertificate {
  /** True when it was made by this start. */
  generated: boolean;
  /** True when it is the platform's own self-signed one (clients must be told to trust it). */
  selfSigned: boolean;
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

const TEN_YEARS_MS = 3650 * 86_400_000;

async function generateInto(folder: string): Promise<GatewayCertificate> {
  const host = hostname();
  const names = [...new Set(['localhost', host])];
  const pems = await generate([{ name: 'commonName', value: host || 'localhost' }], {
    notAfterDate: new Date(Date.now() + TEN_YEARS_MS),
    keySize: 2048,
    extensions: [
      // Marked as its own CA so clients can trust exactly this file (NODE_EXTRA_CA_CERTS, curl --cacert).
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          ...names.map((value) => ({ type: 2 as const, value })),
          { type: 7 as const, ip: '127.0.0.1' },
          { type: 7 as const, ip: '::1' },
        ],
      },
    ],
  });
  await mkdir(folder, { recursive: true, mode: 0o700 });
  const certificate = join(folder, 'server.crt');
  const privateKey = join(folder, 'server.key');
  await writeFile(privateKey, pems.private, { mode: 0o600 });
  await writeFile(certificate, pems.cert, { mode: 0o644 });
  return { certificate, privateKey };
}

export async function ensureCertificate(options: {
  dataDir: string;
  certificate?: string | undefined;
  privateKey?: string | undefined;
}): Promise<PlatformCertificate> {
  if (options.certificate || options.privateKey) {
    if (!options.certificate || !options.privateKey)
      throw new Error('WAZO_TLS_CERT and WAZO_TLS_KEY must be set together');
    return {
      certificate: options.certificate,
      privateKey: options.privateKey,
      generated: false,
      selfSigned: false,
    };
  }
  const folder = join(options.dataDir, 'tls');
  const certificate = join(folder, 'server.crt');
  const privateKey = join(folder, 'server.key');
  if ((await exists(certificate)) && (await exists(privateKey)))
    return { certificate, privateKey, generated: false, selfSigned: true };
  return { ...(await generateInto(folder)), generated: true, selfSigned: true };
}

/**
 * The gateway's certificate: the one the user names (WAZO_TLS_CERT/WAZO_TLS_KEY), or one the
 * platform makes and keeps in the data folder:
 * - a local certificate authority (`tls/ca.crt`, `tls/ca.key`), made once, valid 10 years: the
 *   file a user trusts (curl --cacert, NODE_EXTRA_CA_CERTS, a browser's authorities), and keeps
 *   trusting across renewals;
 * - a server certificate it signs (`tls/server.crt`, `tls/server.key`), valid 825 days (the most
 *   Apple platforms accept), not a CA, SHA-256, for localhost, the host name and the loopback
 *   addresses; renewed at start when under 30 days are left, or when it is not the authority's (a
 *   data folder from before the authority, whose self-signed certificate was its own CA).
 * `server.crt` holds the server certificate followed by the authority's, so the gateway serves the
 * chain, and a client that trusted `server.crt` itself still verifies it.
 */
import { X509Certificate } from 'node:crypto';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import type { GatewayCertificate } from './gateway/gateway.js';

export interface PlatformCertificate extends GatewayCertificate {
  /** True when this start made or renewed the server certificate. */
  generated: boolean;
  /** True when it is the platform's own (clients must be told to trust its authority). */
  selfSigned: boolean;
  /** The platform's authority, the file clients trust; null for the user's own certificate. */
  authority: string | null;
}

const DAY_MS = 86_400_000;
/** The longest server certificate Apple platforms accept (and so browsers there). */
export const SERVER_LIFETIME_DAYS = 825;
/** A certificate with fewer days left is renewed at start. */
export const RENEW_WITHIN_DAYS = 30;
const AUTHORITY_LIFETIME_DAYS = 3650;

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

interface Pems {
  cert: string;
  key: string;
}

async function readPems(cert: string, key: string): Promise<Pems | null> {
  if (!(await exists(cert)) || !(await exists(key))) return null;
  return { cert: await readFile(cert, 'utf8'), key: await readFile(key, 'utf8') };
}

/** The first certificate of a PEM file, or null when it does not parse. */
function parsed(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

const daysLeft = (certificate: X509Certificate, now: number) =>
  (Date.parse(certificate.validTo) - now) / DAY_MS;

async function makeAuthority(now: number): Promise<Pems> {
  const host = hostname() || 'localhost';
  const pems = await generate([{ name: 'commonName', value: `wazo-ts local authority (${host})` }], {
    algorithm: 'sha256',
    keySize: 2048,
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + AUTHORITY_LIFETIME_DAYS * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function makeServer(authority: Pems, now: number): Promise<Pems> {
  const host = hostname();
  const names = [...new Set(['localhost', ...(host ? [host] : [])])];
  const pems = await generate([{ name: 'commonName', value: host || 'localhost' }], {
    algorithm: 'sha256',
    keySize: 2048,
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + (SERVER_LIFETIME_DAYS - 1) * DAY_MS),
    ca: { cert: authority.cert, key: authority.key },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
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
  return { cert: pems.cert, key: pems.private };
}

/** The kept server certificate still serves: the authority's, not a CA, more than 30 days left. */
function serverStillGood(server: Pems | null, authority: X509Certificate, now: number): boolean {
  const leaf = server && parsed(server.cert);
  if (!leaf) return false;
  return (
    !leaf.ca &&
    leaf.checkIssued(authority) &&
    leaf.verify(authority.publicKey) &&
    daysLeft(leaf, now) > RENEW_WITHIN_DAYS
  );
}

export async function ensureCertificate(options: {
  dataDir: string;
  certificate?: string | undefined;
  privateKey?: string | undefined;
  /** The clock (tests pretend the future). */
  now?: () => number;
}): Promise<PlatformCertificate> {
  if (options.certificate || options.privateKey) {
    if (!options.certificate || !options.privateKey)
      throw new Error('WAZO_TLS_CERT and WAZO_TLS_KEY must be set together');
    return {
      certificate: options.certificate,
      privateKey: options.privateKey,
      generated: false,
      selfSigned: false,
      authority: null,
    };
  }
  const now = (options.now ?? Date.now)();
  const folder = join(options.dataDir, 'tls');
  const files = {
    authority: join(folder, 'ca.crt'),
    authorityKey: join(folder, 'ca.key'),
    certificate: join(folder, 'server.crt'),
    privateKey: join(folder, 'server.key'),
  };
  await mkdir(folder, { recursive: true, mode: 0o700 });

  let authority = await readPems(files.authority, files.authorityKey);
  let authorityCert = authority && parsed(authority.cert);
  if (!authority || !authorityCert?.ca || daysLeft(authorityCert, now) <= RENEW_WITHIN_DAYS) {
    authority = await makeAuthority(now);
    authorityCert = new X509Certificate(authority.cert);
    await writeFile(files.authorityKey, authority.key, { mode: 0o600 });
    await writeFile(files.authority, authority.cert, { mode: 0o644 });
  }
  const kept = { certificate: files.certificate, privateKey: files.privateKey, selfSigned: true };
  if (serverStillGood(await readPems(files.certificate, files.privateKey), authorityCert, now))
    return { ...kept, generated: false, authority: files.authority };

  const server = await makeServer(authority, now);
  await writeFile(files.privateKey, server.key, { mode: 0o600 });
  await writeFile(files.certificate, `${server.cert.trim()}\n${authority.cert.trim()}\n`, { mode: 0o644 });
  return { ...kept, generated: true, authority: files.authority };
}

/** What the user reads once the platform is up: where everything is and how to get a token. */
import { relative } from 'node:path';
import type { Platform } from './platform.js';

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? `./${rel}` : path;
}

export function banner(platform: Platform): string {
  const { url, admin, certificate } = platform;
  const cacert = certificate.selfSigned ? ` --cacert ${shown(certificate.file)}` : '';
  const credentials = admin.generated
    ? `  admin:        ${admin.username} / ${admin.password}   (generated; shown once, kept in ${shown(admin.file)})`
    : `  admin:        ${admin.username}, password in ${shown(admin.file)}`;
  const passwordArg = admin.generated
    ? `${admin.username}:${admin.password}`
    : `${admin.username}:<password>`;
  return [
    '',
    'Wazo platform ready',
    `  gateway:      ${url}`,
    `    wazo-auth        ${url}/api/auth/0.1`,
    `    wazo-confd       ${url}/api/confd/1.1`,
    `    wazo-websocketd  ${url.replace(/^https/, 'wss')}/api/websocketd/`,
    `    wazo-dird        ${url}/api/dird/0.1`,
    credentials,
    `  certificate:  ${shown(certificate.file)}${certificate.selfSigned ? ' (self-signed: trust this file)' : ''}`,
    `  data:         ${shown(platform.dataDir)} (logs in ${shown(`${platform.dataDir}/log`)})`,
    '',
    'Get a token:',
    `  curl -s${cacert} -u '${passwordArg}' -H 'Content-Type: application/json' -d '{"expiration": 3600}' \\`,
    `    ${url}/api/auth/0.1/token`,
    '',
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}

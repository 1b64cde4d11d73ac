/**
 * The nginx of a Wazo stack, reduced to what a client test needs: HTTPS on 127.0.0.1 with a
 * self-signed certificate, `/api/auth/` mapped to wazo-auth's root with `X-Script-Name`, so
 * clients that hardcode `https://<server>/api/auth/0.1/...` (@wazo/sdk) talk to the daemon.
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { type CertificateFiles, createSelfSignedCertificate } from '@wazo-ts/daemon/testing';

export interface TlsGateway {
  /** `localhost:<port>`, the SDK's `server`. */
  server: string;
  certificate: CertificateFiles;
  close(): Promise<void>;
}

export async function startTlsGateway(routes: Record<string, string>): Promise<TlsGateway> {
  const certificate = await createSelfSignedCertificate();
  const key = await readFile(certificate.privateKey);
  const gateway = createServer({ cert: certificate.pem, key }, (req, res) => {
    const prefix = Object.keys(routes).find((p) => req.url?.startsWith(p));
    if (!prefix) {
      res.writeHead(404).end();
      return;
    }
    const target = new URL(`${routes[prefix]}/${req.url!.slice(prefix.length)}`);
    const headers = { ...req.headers, host: target.host, 'x-script-name': prefix.replace(/\/$/, '') };
    const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  const { port } = gateway.address() as AddressInfo;
  return {
    server: `localhost:${port}`,
    certificate,
    async close() {
      gateway.closeAllConnections();
      gateway.close();
      await once(gateway, 'close');
    },
  };
}

/**
 * The nginx of a Wazo stack, reduced to what a client test needs: HTTPS on 127.0.0.1 with a
 * self-signed certificate, `/api/auth/` mapped to wazo-auth's root with `X-Script-Name`, so
 * clients that hardcode `https://<server>/api/auth/0.1/...` (@wazo/sdk) talk to the daemon.
 * Websocket upgrades are proxied too (`wss://<server>/api/websocketd/` as @wazo/sdk opens it).
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
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
  const upgraded = new Set<Duplex>();
  gateway.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) =>
    proxyUpgrade(routes, upgraded, req, socket, head),
  );
  gateway.listen(0, '127.0.0.1');
  await once(gateway, 'listening');
  const { port } = gateway.address() as AddressInfo;
  return {
    server: `localhost:${port}`,
    certificate,
    async close() {
      // Upgraded sockets are no longer the HTTP server's: closeAllConnections does not reach them.
      for (const socket of upgraded) socket.destroy();
      gateway.closeAllConnections();
      gateway.close();
      await once(gateway, 'close');
    },
  };
}

function headBlock(statusLine: string, rawHeaders: string[]): string {
  const lines = [statusLine];
  for (let i = 0; i < rawHeaders.length; i += 2) lines.push(`${rawHeaders[i]}: ${rawHeaders[i + 1]}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** Forwards an upgrade (websocket) to the daemon and splices the two sockets once it switched. */
function proxyUpgrade(
  routes: Record<string, string>,
  upgraded: Set<Duplex>,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
): void {
  const prefix = Object.keys(routes).find((p) => req.url?.startsWith(p));
  if (!prefix) {
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    return;
  }
  const target = new URL(`${routes[prefix]}/${req.url!.slice(prefix.length)}`);
  const headers = { ...req.headers, host: target.host, 'x-script-name': prefix.replace(/\/$/, '') };
  const upstream = httpRequest(target, { method: req.method, headers });
  upstream.on('upgrade', (answer, upstreamSocket, upstreamHead) => {
    socket.write(headBlock(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`, answer.rawHeaders));
    if (upstreamHead.length > 0) socket.write(upstreamHead);
    if (head.length > 0) upstreamSocket.write(head);
    for (const s of [socket, upstreamSocket]) {
      upgraded.add(s);
      s.on('close', () => upgraded.delete(s));
      s.on('error', () => undefined);
    }
    socket.on('close', () => upstreamSocket.destroy());
    upstreamSocket.on('close', () => socket.destroy());
    upstreamSocket.pipe(socket).pipe(upstreamSocket);
  });
  upstream.on('response', (answer) => {
    socket.write(headBlock(`HTTP/1.1 ${answer.statusCode} ${answer.statusMessage}`, answer.rawHeaders));
    answer.pipe(socket);
  });
  upstream.on('error', () => socket.destroy());
  socket.on('error', () => upstream.destroy());
  upstream.end();
}

/**
 * An HTTP proxy in front of a real wazo-auth that can lose answers: a request it is told to drop
 * is forwarded and fully handled upstream, then the client's connection is closed without a reply
 * (as a timeout or a reset after the server acted would look to confd). It records every request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LossyProxy {
  url: string;
  /** `METHOD path` of every request received, in order. */
  seen: string[];
  /** Answers to requests for which this says true are lost after wazo-auth handled them. */
  dropAnswer: (method: string, path: string) => boolean;
  stop(): Promise<void>;
}

async function forward(target: URL, req: http.IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = { ...req.headers, host: target.host };
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      const upstream = http.request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        (res) => {
          const body: Buffer[] = [];
          res.on('data', (chunk: Buffer) => body.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(body) }),
          );
          res.on('error', reject);
        },
      );
      upstream.on('error', reject);
      upstream.end(Buffer.concat(chunks));
    },
  );
}

export async function startLossyProxy(targetUrl: string): Promise<LossyProxy> {
  const target = new URL(targetUrl);
  const proxy: LossyProxy = { url: '', seen: [], dropAnswer: () => false, stop: async () => undefined };
  const server = http.createServer(async (req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    proxy.seen.push(`${method} ${path}`);
    try {
      const answer = await forward(target, req);
      if (proxy.dropAnswer(method, path)) {
        req.socket.destroy();
        return;
      }
      res.writeHead(answer.status, { ...answer.headers, connection: 'close' }).end(answer.body);
    } catch {
      req.socket.destroy();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.stop = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/**
 * The platform benches' HTTP client: one keep-alive agent per scheme (the gateway's HTTPS with
 * the platform's self-signed certificate, the daemons' and the baseline's plain HTTP), so every
 * side pays the same client cost. A call rejects on an unexpected status: a broken run cannot
 * look fast.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface CallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  expect: number;
}

export interface Client {
  call(url: string, init: CallInit): Promise<string>;
  close(): void;
}

export function createClient(ca: Buffer): Client {
  // Idle sockets go before the servers' own 5 s keep-alive timeout closes them under a request.
  const http = new HttpAgent({ keepAlive: true, maxSockets: 64, timeout: 4_000 });
  const https = new HttpsAgent({ keepAlive: true, maxSockets: 64, timeout: 4_000, ca });
  return {
    call(url, init) {
      const secure = url.startsWith('https:');
      const send = secure ? httpsRequest : httpRequest;
      const method = init.method ?? 'GET';
      return new Promise((resolve, reject) => {
        const req = send(url, { method, headers: init.headers, agent: secure ? https : http }, (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            if (res.statusCode === init.expect) resolve(body);
            else reject(new Error(`${method} ${url}: ${res.statusCode} ${body}`));
          });
        });
        req.on('error', reject);
        req.end(init.body);
      });
    },
    close() {
      http.destroy();
      https.destroy();
    },
  };
}

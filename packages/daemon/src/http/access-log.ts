/**
 * One access line per request, as Wazo's daemons write them ("response to IP in 0.012s: GET /url
 * 200"), at info level, with tokens masked in URLs. Request details go at debug level.
 *
 * Both hooks are callback hooks (no promise per request), and the debug line is built only when
 * debug is on: they run on every request, token checks included, and were a tenth of a token
 * check's time (bench/stack.bench.ts).
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { maskUrl } from '../logging/index.js';

// The daemon's Fastify logger is its pino logger (http/app.ts), whose children know their level.
const enabled = (log: FastifyBaseLogger, level: 'debug' | 'info') =>
  (log as unknown as Logger).isLevelEnabled(level);

export function installAccessLog(app: FastifyInstance): void {
  app.addHook('onRequest', (request, _reply, done) => {
    if (enabled(request.log, 'debug'))
      request.log.debug({ method: request.method, url: maskUrl(request.url), remote: request.ip }, 'request');
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (enabled(request.log, 'info')) {
      const seconds = (reply.elapsedTime / 1000).toFixed(3);
      const url = maskUrl(request.url);
      const { ip, method } = request;
      const status = reply.statusCode;
      request.log.info(
        { method, url, status, remote: ip, duration_s: Number(seconds) },
        `response to ${ip} in ${seconds}s: ${method} ${url} ${status}`,
      );
    }
    done();
  });
}

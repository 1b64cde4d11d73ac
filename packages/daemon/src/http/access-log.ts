/**
 * One access line per request, as Wazo's daemons write them ("response to IP in 0.012s: GET /url
 * 200"), at info level, with tokens masked in URLs. Request details go at debug level.
 */
import type { FastifyInstance } from 'fastify';
import { maskUrl } from '../logging/index.js';

export function installAccessLog(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    request.log.debug({ method: request.method, url: maskUrl(request.url), remote: request.ip }, 'request');
  });
  app.addHook('onResponse', async (request, reply) => {
    const seconds = (reply.elapsedTime / 1000).toFixed(3);
    const url = maskUrl(request.url);
    request.log.info(
      {
        method: request.method,
        url,
        status: reply.statusCode,
        remote: request.ip,
        duration_s: Number(seconds),
      },
      `response to ${request.ip} in ${seconds}s: ${request.method} ${url} ${reply.statusCode}`,
    );
  });
}

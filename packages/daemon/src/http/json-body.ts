/**
 * JSON bodies as Wazo's clients send them: @wazo/sdk and the Python clients put
 * `Content-Type: application/json` on every call, DELETEs and association PUTs included, with no
 * body. Flask never reads a body on those routes; Fastify's parser refuses an empty one. Here an
 * empty body is no body: a route that needs one still answers its own validation error for a
 * missing body, as when no Content-Type is sent.
 */
import type { FastifyInstance } from 'fastify';

export function installJsonBodyParser(app: FastifyInstance): void {
  // Fastify's parser, with its prototype-poisoning guards, for every non-empty body.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser<string>('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body.trim() === '') {
      done(null, undefined);
      return;
    }
    parseJson(request, body, done);
  });
}

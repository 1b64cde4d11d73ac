/**
 * The `Location` of a created resource, as Flask's external `url_for` writes it behind Wazo's
 * nginx: scheme and host of the request, then `X-Script-Name` (`/api/confd`), then the route.
 */
import type { FastifyRequest } from 'fastify';

export function locationOf(request: FastifyRequest, apiVersion: string, path: string): string {
  const header = request.headers['x-script-name'];
  const scriptName = (Array.isArray(header) ? header[0] : header)?.replace(/\/+$/, '') ?? '';
  // Only a path prefix is honoured: the header must not send clients to another host.
  const prefix = scriptName.startsWith('/') && !scriptName.startsWith('//') ? scriptName : '';
  return `${request.protocol}://${request.host}${prefix}/${apiVersion}${path}`;
}

/**
 * Which peer may speak for a client through X-Forwarded-For/-Proto/-Host. Believing them from any
 * loopback peer let any local process pick the address the login guard counts, so a peer is a
 * proxy only when it is listed by address (`rest_api.trusted_proxies`, for a proxy on another
 * host such as the compose nginx) or when it proves it is the platform's gateway with the shared
 * secret (`rest_api.proxy_secret`, sent as `X-Wazo-Proxy-Secret`). A standalone daemon trusts no
 * one. From anyone else the forwarding headers are dropped before anything reads them.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import type { FastifyInstance } from 'fastify';
import type { RestApiConfig } from '../config/schema.js';

/** The header the gateway (or nginx) proves itself with. */
export const PROXY_SECRET_HEADER = 'x-wazo-proxy-secret';

const FORWARDING_HEADERS = [
  'forwarded',
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-forwarded-port',
  'x-real-ip',
];

/**
 * One hop: the address the trusted proxy itself saw (the last X-Forwarded-For entry), never one a
 * client wrote further left. Fastify's rule too, once `installProxyTrust` has filtered the headers.
 */
export const trustOneHop = (_address: string, hop: number) => hop === 0;

export interface ProxyTrust {
  /** True when the peer of `request` is a proxy whose forwarding headers are believed. */
  trusts(request: IncomingMessage): boolean;
  /** The client's address: the one the trusted proxy saw, else the peer's own. */
  clientAddress(request: IncomingMessage): string;
}

function sameSecret(expected: Buffer, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  // timingSafeEqual needs equal lengths; the length itself tells an attacker nothing useful.
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function createProxyTrust(
  restApi: Pick<RestApiConfig, 'trusted_proxies' | 'proxy_secret'>,
): ProxyTrust {
  const listed = proxyAddr.compile([...restApi.trusted_proxies]);
  const secret = restApi.proxy_secret ? Buffer.from(restApi.proxy_secret) : null;
  const trusts = (request: IncomingMessage) => {
    const peer = request.socket.remoteAddress;
    if (peer !== undefined && listed(peer, 0)) return true;
    return secret !== null && sameSecret(secret, request.headers[PROXY_SECRET_HEADER]);
  };
  return {
    trusts,
    clientAddress: (request) =>
      trusts(request) ? proxyAddr(request, trustOneHop) : (request.socket.remoteAddress ?? ''),
  };
}

/**
 * Drops the forwarding headers of requests from peers that are not trusted proxies, and the
 * secret itself from every request (so no handler or log can echo it). Registered first, before
 * the access log reads `request.ip`.
 */
export function installProxyTrust(app: FastifyInstance, trust: ProxyTrust): void {
  app.addHook('onRequest', async (request) => {
    const raw = request.raw;
    if (!trust.trusts(raw)) for (const name of FORWARDING_HEADERS) delete raw.headers[name];
    delete raw.headers[PROXY_SECRET_HEADER];
  });
}

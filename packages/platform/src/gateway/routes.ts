/** Which daemon serves a public path, and the path it sees (Wazo's nginx `location /api/<svc>/`). */

/** Public prefix, with its trailing slash (`/api/auth/`) → daemon root URL (`http://127.0.0.1:9497`). */
export type GatewayRoutes = Record<string, string>;

export interface RouteMatch {
  /** `auth`, for messages. */
  service: string;
  /** The daemon's root URL. */
  target: string;
  /** `/api/auth`, sent as `X-Script-Name`. */
  scriptName: string;
  /** The path and query the daemon receives: `/0.1/token?x=1`. */
  path: string;
}

interface CompiledRoute {
  prefix: string;
  target: string;
  scriptName: string;
  service: string;
}

/** The routes parsed once, for a gateway that matches every request against them. */
export function compileRoutes(routes: GatewayRoutes): (url: string) => RouteMatch | null {
  const compiled: CompiledRoute[] = Object.entries(routes).map(([prefix, target]) => {
    const scriptName = prefix.replace(/\/+$/, '');
    return { prefix, target, scriptName, service: scriptName.split('/').pop() ?? scriptName };
  });
  return (url) => {
    for (const { prefix, target, scriptName, service } of compiled) {
      // `/api/websocketd?token=` (no trailing slash) is the same location for a client.
      const rest = url.startsWith(prefix)
        ? url.slice(prefix.length - 1)
        : url === scriptName || url.startsWith(`${scriptName}?`)
          ? `/${url.slice(scriptName.length)}`
          : null;
      if (rest !== null) return { service, target, scriptName, path: rest };
    }
    return null;
  };
}

export function findRoute(routes: GatewayRoutes, url: string): RouteMatch | null {
  return compileRoutes(routes)(url);
}

/** The platform's public paths for daemons on 127.0.0.1 at these ports. */
export function platformRoutes(ports: {
  auth: number;
  confd: number;
  websocketd: number;
  dird: number;
}): GatewayRoutes {
  return {
    '/api/auth/': `http://127.0.0.1:${ports.auth}`,
    '/api/confd/': `http://127.0.0.1:${ports.confd}`,
    '/api/websocketd/': `http://127.0.0.1:${ports.websocketd}`,
    '/api/dird/': `http://127.0.0.1:${ports.dird}`,
  };
}

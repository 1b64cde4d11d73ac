/**
 * Wazo's `links` on every answer object it links (items, list items and nested relations):
 * `[{rel, href}]`, the href absolute as Flask's external `url_for` writes it behind the gateway
 * (scheme, host, `X-Script-Name`, `/1.1/<route>/<value>`). The models' answer schemas say which
 * objects carry a link and by which field (`linked()` in @wazo-ts/dao); one hook fills them for
 * every route, walking the answer along its response schema.
 */
import type { DaemonPlugin } from '@wazo-ts/daemon';
import { LINK, type LinkTarget } from '@wazo-ts/dao';
import type { FastifyRequest } from 'fastify';
import type { ConfdConfig } from '../definition.js';
import type { ConfdResources } from '../resources.js';
import { locationOf } from './location.js';

type Schema = Record<string | symbol, unknown>;
type Href = (rel: string, value: string) => string;

/** Routes whose path is not `/<rel>/<value>`. */
const ROUTES: Record<string, string> = {
  endpoint_sip: '/endpoints/sip',
  endpoint_custom: '/endpoints/custom',
  endpoint_sccp: '/endpoints/sccp',
  user_me_blocklist_numbers: '/users/me/blocklist/numbers',
  user_blocklist_numbers: '/users/blocklist/numbers',
  external_apps: '/external/apps',
  extensions_features: '/extensions/features',
};

export function hrefOf(request: FastifyRequest): Href {
  return (rel, value) =>
    locationOf(request, '1.1', `${ROUTES[rel] ?? `/${rel}`}/${encodeURIComponent(value)}`);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object branch whose required keys the object all has. */
function fits(branch: Schema, value: Record<string, unknown>): boolean {
  if (!isObject(branch)) return false;
  if (branch.anyOf) return true;
  const types = [branch.type].flat();
  return types.includes('object') && ((branch.required as string[]) ?? []).every((key) => key in value);
}

/** `value` with the links its `schema` declares, at any depth; `value` itself is left as it is. */
export function withLinks(schema: unknown, value: unknown, href: Href): unknown {
  if (!isObject(schema) || value === null || value === undefined) return value;
  const s = schema as Schema;
  if (Array.isArray(value)) return s.items ? value.map((item) => withLinks(s.items, item, href)) : value;
  if (!isObject(value)) return value;
  let result = value;
  for (const branch of (s.allOf as unknown[]) ?? [])
    result = withLinks(branch, result, href) as Record<string, unknown>;
  // Of a union (a list of users in one of three views), the first branch the object fits.
  const branch = ((s.anyOf as Schema[]) ?? []).find((b) => fits(b, result));
  if (branch) result = withLinks(branch, result, href) as Record<string, unknown>;
  if (isObject(s.properties)) {
    const properties = s.properties;
    const copy = { ...result };
    for (const key of Object.keys(properties))
      if (key in copy) copy[key] = withLinks(properties[key], copy[key], href);
    result = copy;
  }
  const target = s[LINK] as LinkTarget | undefined;
  if (target) {
    const id = result[target.field];
    const links =
      id === null || id === undefined || id === ''
        ? []
        : [{ rel: target.rel, href: href(target.rel, String(id)) }];
    result = { ...result, links };
  }
  return result;
}

/** Fills the links of every answer; first among confd's plugins so each route's answer has them. */
export const answerLinksPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'answer_links',
  load({ api }) {
    api.addHook('preSerialization', async (request, reply, payload) => {
      const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
      const schema = responses?.[String(reply.statusCode)];
      return schema ? withLinks(schema, payload, hrefOf(request)) : payload;
    });
  },
};

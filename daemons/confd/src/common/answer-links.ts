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
  endpoint_sip_templates: '/endpoints/sip/templates',
  func_keys_templates: '/funckeys/templates',
  endpoint_iax: '/endpoints/iax',
  user_me_blocklist_numbers: '/users/me/blocklist/numbers',
  user_blocklist_numbers: '/users/blocklist/numbers',
  external_apps: '/external/apps',
  extensions_features: '/extensions/features',
  skillrules: '/queues/skillrules',
  phone_numbers: '/phone-numbers',
  ingresses_http: '/ingresses/http',
  skills: '/agents/skills',
  register_iax: '/registers/iax',
};

export function hrefOf(request: FastifyRequest): Href {
  // Scheme, host and prefix are the same for every link of one answer: read them once.
  let base: string | undefined;
  return (rel, value) => {
    base ??= locationOf(request, '1.1', '');
    return `${base}${ROUTES[rel] ?? `/${rel}`}/${encodeURIComponent(value)}`;
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether an object fits a union's branch: an object branch whose required keys it all has. */
type Fit = (value: Record<string, unknown>) => boolean;

/** A branch's fit test, read from the schema once. */
function fitOf(branch: Schema): Fit {
  if (!isObject(branch)) return () => false;
  if (branch.anyOf) return () => true;
  if (![branch.type].flat().includes('object')) return () => false;
  const required = (branch.required as string[] | undefined) ?? [];
  return (value) => {
    for (const key of required) if (!(key in value)) return false;
    return true;
  };
}

/** Adds the links one schema declares to a value; built once per schema (see linkerOf). */
type Linker = (value: unknown, href: Href) => unknown;

const linkers = new WeakMap<object, Linker | null>();

/**
 * The linker of a schema, or null when nothing in it carries a link: such parts of an answer
 * (most of a user, every settings section) are handed on untouched instead of walked and copied.
 */
function linkerOf(schema: unknown): Linker | null {
  if (!isObject(schema)) return null;
  if (linkers.has(schema)) return linkers.get(schema) ?? null;
  linkers.set(schema, null); // a schema reaching itself adds nothing more on its way back
  const linker = compileLinker(schema as Schema);
  linkers.set(schema, linker);
  return linker;
}

function compileLinker(s: Schema): Linker | null {
  const itemLinker = s.items ? linkerOf(s.items) : null;
  const allOf = ((s.allOf as unknown[]) ?? []).map(linkerOf).filter((l): l is Linker => l !== null);
  const anyOf = ((s.anyOf as Schema[]) ?? []).map((branch) => ({
    fits: fitOf(branch),
    linker: linkerOf(branch),
  }));
  const anyLinked = anyOf.some((b) => b.linker !== null);
  const properties = Object.entries(isObject(s.properties) ? s.properties : {})
    .map(([key, property]) => ({ key, linker: linkerOf(property) }))
    .filter((p): p is { key: string; linker: Linker } => p.linker !== null);
  const targets = s[LINK] as readonly LinkTarget[] | undefined;
  if (!itemLinker && allOf.length === 0 && !anyLinked && properties.length === 0 && !targets) return null;
  return (value, href) => {
    if (value === null || value === undefined) return value;
    if (Array.isArray(value)) {
      if (itemLinker) for (let i = 0; i < value.length; i++) value[i] = itemLinker(value[i], href);
      return value;
    }
    if (!isObject(value)) return value;
    let result = value;
    for (const linker of allOf) result = linker(result, href) as Record<string, unknown>;
    // Of a union (a list of users in one of three views), the first branch the object fits.
    if (anyLinked) {
      const chosen = anyOf.find((b) => b.fits(result));
      if (chosen?.linker) result = chosen.linker(result, href) as Record<string, unknown>;
    }
    // In place: an answer's objects are built for it (no route hands out a shared or cached one),
    // and a copy of each (fifty keys a user, a hundred users a page) cost more than the links.
    for (const { key, linker } of properties) {
      const child = result[key];
      if (child !== undefined) result[key] = linker(child, href);
    }
    if (targets) {
      const links: { rel: string; href: string }[] = [];
      for (const { rel, field } of targets) {
        const id = result[field];
        if (id !== null && id !== undefined && id !== '') links.push({ rel, href: href(rel, String(id)) });
      }
      result.links = links;
    }
    return result;
  };
}

/** `value` with the links its `schema` declares, at any depth, added in place. */
export function withLinks(schema: unknown, value: unknown, href: Href): unknown {
  const linker = linkerOf(schema);
  return linker ? linker(value, href) : value;
}

/** Fills the links of every answer; first among confd's plugins so each route's answer has them. */
export const answerLinksPlugin: DaemonPlugin<ConfdConfig, ConfdResources> = {
  name: 'answer_links',
  load({ api }) {
    // A callback hook: no promise per answer.
    api.addHook('preSerialization', (request, reply, payload, done) => {
      const responses = request.routeOptions.schema?.response as Record<string, unknown> | undefined;
      const schema = responses?.[String(reply.statusCode)];
      done(null, schema ? withLinks(schema, payload, hrefOf(request)) : payload);
    });
  },
};

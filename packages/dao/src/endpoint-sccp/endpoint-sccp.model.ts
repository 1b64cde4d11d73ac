/**
 * An SCCP endpoint (Wazo's `sccpline`), as wazo-confd shows it: its options as `[key, value]`
 * pairs, among `cid_name`, `cid_num`, `allow` and `disallow` (shown in that order, `disallow`
 * before `allow`, each only when set), and the line using it.
 */
import { linked, nullable, type Static, stringPair, Type } from '../schema.js';

/** The option keys an SCCP endpoint takes, with the longest value each column holds (0: no limit). */
export const SCCP_OPTIONS = { cid_name: 80, cid_num: 80, allow: 0, disallow: 100 } as const;
export type SccpOptionKey = keyof typeof SCCP_OPTIONS;

/** `GET /endpoints/sccp/{id}`. */
export const endpointSccpSchema = linked('endpoint_sccp', {
  id: Type.Integer(),
  tenant_uuid: Type.String(),
  options: Type.Array(stringPair),
  line: nullable(linked('lines', { id: Type.Integer() })),
});
export type EndpointSccp = Static<typeof endpointSccpSchema>;

const option = Type.Unsafe<[string, string]>(Type.Array(Type.String(), { minItems: 2, maxItems: 2 }));

/** `POST|PUT /endpoints/sccp` (and a line's `endpoint_sccp` on `POST /lines`). */
export const endpointSccpInputSchema = Type.Object({ options: Type.Optional(Type.Array(option)) });
export type EndpointSccpInput = Static<typeof endpointSccpInputSchema>;

/** The stored options, as Wazo's columns. */
export interface SccpRecord {
  cid_name: string;
  cid_num: string;
  allow: string | null;
  disallow: string | null;
}

/** Wazo's `options` property: the set ones, in its order. */
export function optionsOf(record: SccpRecord): [string, string][] {
  const options: [string, string][] = [];
  if (record.cid_name !== '') options.push(['cid_name', record.cid_name]);
  if (record.cid_num !== '') options.push(['cid_num', record.cid_num]);
  if (record.disallow !== null) options.push(['disallow', record.disallow]);
  if (record.allow !== null) options.push(['allow', record.allow]);
  return options;
}

/**
 * Options set on a record, as Wazo's setter: `allow` and `disallow` are cleared first, the caller
 * id is kept unless given; a later pair of one key wins. Keys are checked by the validator.
 */
export function withOptions(record: SccpRecord, options: readonly [string, string][]): SccpRecord {
  const next: SccpRecord = { ...record, allow: null, disallow: null };
  for (const [key, value] of options) next[key as SccpOptionKey] = value;
  return next;
}

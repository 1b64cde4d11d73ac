/**
 * The options of an IAX endpoint as Wazo reads and writes them (xivo-dao's `UserIAX` with its
 * `AsteriskOptionsMixin`): each option that is one of Wazo's `useriax` columns is set once (the
 * last given wins) and must fit that column's type; any other option is kept as given, repeated
 * at will. Read back, the column options come first, in column order, with Wazo's defaults for
 * those not given and without the empty ones; the others follow in their order. Integer columns
 * that Asterisk reads as booleans show `yes`/`no`.
 */
import { formatCriteria, inputError } from '../errors.js';

export type IaxOption = [string, string];

type Kind =
  | { kind: 'text'; max?: number }
  | { kind: 'int' }
  | { kind: 'bool' }
  | { kind: 'enum'; values: readonly string[] };

interface NativeOption {
  spec: Kind;
  /** The column's server default, as the option shows it. */
  default?: string;
}

const text = (max?: number, def?: string): NativeOption => ({
  spec: max === undefined ? { kind: 'text' } : { kind: 'text', max },
  ...(def === undefined ? {} : { default: def }),
});
const int = (def?: string): NativeOption => ({ spec: { kind: 'int' }, ...(def ? { default: def } : {}) });
const bool = (def?: string): NativeOption => ({ spec: { kind: 'bool' }, ...(def ? { default: def } : {}) });
const oneOf = (values: readonly string[], def?: string): NativeOption => ({
  spec: { kind: 'enum', values },
  ...(def ? { default: def } : {}),
});
const ENCRYPTION = ['no', 'yes', 'aes128'];

/** Wazo's `useriax` columns that are options (not name, type, host, context, category, protocol), in order. */
export const IAX_NATIVE_OPTIONS: Readonly<Record<string, NativeOption>> = {
  username: text(80),
  secret: text(80, ''),
  dbsecret: text(255, ''),
  language: text(20),
  accountcode: text(20),
  amaflags: oneOf(['default', 'omit', 'billing', 'documentation'], 'default'),
  mailbox: text(80),
  callerid: text(160),
  fullname: text(80),
  cid_number: text(80),
  trunk: bool('no'),
  auth: oneOf(
    ['plaintext', 'md5', 'rsa', 'plaintext,md5', 'plaintext,rsa', 'md5,rsa', 'plaintext,md5,rsa'],
    'plaintext,md5',
  ),
  encryption: oneOf(ENCRYPTION),
  forceencryption: oneOf(ENCRYPTION),
  maxauthreq: int(),
  inkeys: text(80),
  outkey: text(80),
  adsi: bool(),
  transfer: oneOf(['no', 'yes', 'mediaonly']),
  codecpriority: oneOf(['disabled', 'host', 'caller', 'reqonly']),
  jitterbuffer: bool(),
  forcejitterbuffer: bool(),
  sendani: bool('no'),
  qualify: text(4, 'no'),
  qualifysmoothing: bool('no'),
  qualifyfreqok: int('60000'),
  qualifyfreqnotok: int('10000'),
  timezone: text(80),
  disallow: text(100),
  allow: text(),
  mohinterpret: text(80),
  mohsuggest: text(80),
  deny: text(31),
  permit: text(31),
  defaultip: text(255),
  sourceaddress: text(255),
  setvar: text(100, ''),
  port: int(),
  mask: text(15),
  regexten: text(80),
  peercontext: text(80),
  immediate: bool(),
  keyrotate: bool(),
  parkinglot: int(),
  requirecalltoken: text(4, 'no'),
};

/** Asterisk's `ast_true` spellings; anything else is false. */
const TRUTHS = new Set(['yes', 'true', 'y', 't', '1', 'on']);
const INT32 = 2 ** 31;

/** The value as its column stores it, or the reason it cannot be stored. */
function columnValue(spec: Kind, value: string): { value: string } | { problem: string } {
  switch (spec.kind) {
    case 'bool':
      return { value: TRUTHS.has(value) ? 'yes' : 'no' };
    case 'int':
      return /^[-+]?[0-9]+$/.test(value.trim()) && Math.abs(Number(value)) < INT32
        ? { value: String(Number(value)) }
        : { problem: 'Not a valid integer.' };
    case 'enum':
      return spec.values.includes(value)
        ? { value }
        : { problem: `Must be one of: ${spec.values.join(', ')}.` };
    default:
      return spec.max !== undefined && value.length > spec.max
        ? { problem: `Longer than maximum length ${spec.max}.` }
        : { value };
  }
}

/** What the dao stores for a list of options. */
export interface StoredIaxOptions {
  native: Record<string, string>;
  extra: IaxOption[];
}

/** Splits `options` into column options (checked) and the others; a bad column value is a 400. */
export function storedOptions(options: readonly IaxOption[]): StoredIaxOptions {
  const native: Record<string, string> = {};
  const extra: IaxOption[] = [];
  for (const [name, value] of options) {
    const column = Object.hasOwn(IAX_NATIVE_OPTIONS, name) ? IAX_NATIVE_OPTIONS[name] : undefined;
    if (!column) {
      extra.push([name, value]);
      continue;
    }
    const stored = columnValue(column.spec, value);
    if ('problem' in stored) throw inputError(`options: {${formatCriteria({ [name]: [stored.problem] })}}`);
    native[name] = stored.value;
  }
  return { native, extra };
}

/** The options as Wazo shows them: set or defaulted column options first, then the others. */
export function shownOptions({ native, extra }: StoredIaxOptions): IaxOption[] {
  const columns: IaxOption[] = [];
  for (const [name, column] of Object.entries(IAX_NATIVE_OPTIONS)) {
    const value = Object.hasOwn(native, name) ? native[name] : column.default;
    if (value !== undefined && value !== '') columns.push([name, value]);
  }
  return [...columns, ...extra];
}

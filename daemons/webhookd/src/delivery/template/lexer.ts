/**
 * Splits a template written in Jinja2's syntax into text, `{{ output }}`, `{% tag %}` and comments
 * (whitespace control `{%-` / `-%}` included), and the inside of a tag into tokens. The whole
 * engine is an interpreter over data: nothing in a template ever becomes JavaScript code.
 */
import { TemplateError } from './errors.js';

export type Chunk =
  | { kind: 'text'; text: string }
  | { kind: 'output'; tokens: Token[] }
  | { kind: 'tag'; tokens: Token[] };

export type Token =
  | { type: 'name'; value: string }
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'op'; value: string };

const OPEN = /\{\{|\{%|\{#/g;
const OPERATORS = [
  '//',
  '**',
  '==',
  '!=',
  '<=',
  '>=',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '~',
  '|',
  '.',
  ',',
  ':',
];
const BRACKETS = '()[]{}=';

function closing(open: string): string {
  return open === '{{' ? '}}' : open === '{%' ? '%}' : '#}';
}

/** Chunks of a template, whitespace control applied. */
export function chunks(source: string): Chunk[] {
  const out: Chunk[] = [];
  let position = 0;
  let trimNext = false;
  OPEN.lastIndex = 0;
  for (let match = OPEN.exec(source); match; match = OPEN.exec(source)) {
    let text = source.slice(position, match.index);
    const end = source.indexOf(closing(match[0]), match.index + 2);
    if (end < 0) throw new TemplateError(`unclosed "${match[0]}"`);
    let inner = source.slice(match.index + 2, end);
    if (trimNext) text = text.trimStart();
    if (inner.startsWith('-')) {
      text = text.trimEnd();
      inner = inner.slice(1);
    }
    trimNext = inner.endsWith('-');
    if (trimNext) inner = inner.slice(0, -1);
    if (text) out.push({ kind: 'text', text });
    if (match[0] === '{{') out.push({ kind: 'output', tokens: tokenize(inner) });
    else if (match[0] === '{%') out.push({ kind: 'tag', tokens: tokenize(inner) });
    position = end + 2;
    OPEN.lastIndex = position;
  }
  let rest = source.slice(position);
  if (trimNext) rest = rest.trimStart();
  if (rest) out.push({ kind: 'text', text: rest });
  return out;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function readString(source: string, start: number): [string, number] {
  const quote = source[start];
  let value = '';
  for (let i = start + 1; i < source.length; i += 1) {
    const c = source[i]!;
    if (c === quote) return [value, i + 1];
    if (c === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      value += ESCAPES[next] ?? `\\${next}`;
      i += 1;
    } else value += c;
  }
  throw new TemplateError('unterminated string');
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const [value, next] = readString(source, i);
      tokens.push({ type: 'string', value });
      i = next;
      continue;
    }
    const number = /^\d+(\.\d+)?/.exec(source.slice(i));
    if (number) {
      tokens.push({ type: 'number', value: Number(number[0]) });
      i += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (name) {
      tokens.push({ type: 'name', value: name[0] });
      i += name[0].length;
      continue;
    }
    const op = OPERATORS.find((o) => source.startsWith(o, i)) ?? (BRACKETS.includes(c) ? c : undefined);
    if (!op) throw new TemplateError(`unexpected character "${c}"`);
    tokens.push({ type: 'op', value: op });
    i += op.length;
  }
  return tokens;
}

/** Tables for people, JSON for scripts; the streams escape control characters (terminal.ts). */
import type { Writable } from 'node:stream';
import { terminalText } from './terminal.js';

export type Format = 'table' | 'json';

/** A field name (dots read nested fields) or a computed cell. */
export type Column = string | { name: string; value(item: unknown): unknown };

export interface Output {
  format: Format;
  out: Writable;
  err: Writable;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** One table cell: one line, whatever the value holds (a name with a line break cannot fake a row). */
export function cell(value: unknown): string {
  return terminalText(cellText(value), { oneLine: true });
}

function pick(item: unknown, column: string): unknown {
  // `members.users` reads nested fields.
  return column
    .split('.')
    .reduce<unknown>(
      (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
      item,
    );
}

export function renderTable(columns: Column[], items: unknown[]): string {
  const rows = items.map((item) =>
    columns.map((c) => cell(typeof c === 'string' ? pick(item, c) : c.value(item))),
  );
  const header = columns.map((c) => (typeof c === 'string' ? c : c.name).toUpperCase());
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

/** One resource as `field  value` lines, scalar fields first. */
export function renderRecord(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return keys.map((k) => `${k.padEnd(width)}  ${cell(record[k])}`.trimEnd()).join('\n');
}

export function printList(output: Output, columns: Column[], items: unknown[], total?: number): void {
  if (output.format === 'json') {
    output.out.write(`${JSON.stringify(items, null, 2)}\n`);
    return;
  }
  output.out.write(`${renderTable(columns, items)}\n`);
  if (total !== undefined && total > items.length) output.err.write(`(${items.length} of ${total} shown)\n`);
}

export function printRecord(output: Output, record: unknown): void {
  if (output.format === 'json') output.out.write(`${JSON.stringify(record, null, 2)}\n`);
  else output.out.write(`${renderRecord((record ?? {}) as Record<string, unknown>)}\n`);
}

/** A line for people only: in JSON mode stdout stays parseable, so it goes nowhere. */
export function printNote(output: Output, line: string): void {
  if (output.format === 'table') output.out.write(`${line}\n`);
}

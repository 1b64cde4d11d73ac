/**
 * CSV as Wazo's imports and exports use it (Python's csv module): the first line names the
 * columns, each later non-empty line is one contact; a line with more or fewer values than
 * columns is a failed line, as DictReader leaves it.
 */
import { TextDecoder } from 'node:util';
import { InvalidDataError } from '@wazo-ts/errors';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface CsvLine {
  /** The line the record ends on, counting the header as line 1 (csv's `line_num`). */
  line: number;
  values: string[];
}

export interface CsvDocument {
  columns: string[];
  lines: CsvLine[];
}

/** The text of an uploaded document: the charset names the encoding (default utf-8). */
export function decodeCsv(body: Buffer, charset: string | undefined): string {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset ?? 'utf-8', { fatal: true });
  } catch {
    throw new InvalidDataError(`unknown encoding: ${charset}`, {
      errorId: 'unknown-encoding',
      details: { charset },
    });
  }
  try {
    return decoder.decode(body);
  } catch {
    throw new InvalidDataError(`the document is not valid ${charset ?? 'utf-8'}`, {
      errorId: 'bad-encoding',
      details: { charset: charset ?? 'utf-8' },
    });
  }
}

/** Parses a document; a malformed one (an unclosed quote) is an `invalid-csv` error. */
export function parseCsv(text: string): CsvDocument {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new InvalidDataError(`invalid CSV: ${error instanceof Error ? error.message : String(error)}`, {
      errorId: 'invalid-csv',
    });
  }
  const [header, ...rest] = records;
  return {
    columns: header?.record ?? [],
    lines: rest.map(({ record, info }) => ({ line: info.lines, values: record })),
  };
}

/** Contacts as CSV: one column per field any contact has, sorted; missing fields are empty. */
export function contactsToCsv(contacts: readonly Record<string, string>[]): string {
  const columns = [...new Set(contacts.flatMap((contact) => Object.keys(contact)))].sort();
  return stringify(
    contacts.map((contact) => columns.map((column) => contact[column] ?? '')),
    { header: true, columns, record_delimiter: 'windows' },
  );
}

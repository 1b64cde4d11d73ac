/**
 * Everything the CLI prints goes through here: names, messages and events come from the server,
 * where any user may have put ANSI/OSC escape sequences in its own name, and a raw ESC reaching an
 * admin's terminal can recolour, retitle, hide lines or write to the clipboard. Control
 * characters are shown escaped (`\u001b`), never sent: C0 but the line breaks the CLI itself
 * writes, DEL, C1 (a lone 0x9b is CSI on some terminals) and the bidirectional overrides that make
 * a line read other than it is. `\uXXXX` is also JSON's own escape, so JSON output stays valid.
 */
import { Writable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

// C0, DEL and C1 (Cc), and the bidirectional marks, embeddings, overrides and isolates.
const CONTROLS = /[\p{Cc}\p{Bidi_Control}]/gu;

const escaped = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * `text` with its control characters escaped. Tabs and line breaks are kept, unless `oneLine`
 * (a table cell must stay one cell wide).
 */
export function terminalText(text: string, options: { oneLine?: boolean } = {}): string {
  return text.replace(CONTROLS, (char) =>
    !options.oneLine && (char === '\n' || char === '\t') ? char : escaped(char),
  );
}

/** A stream that writes to `target` what it is given, control characters escaped. */
export function terminalSafe(target: Writable): Writable {
  const decoder = new StringDecoder('utf8');
  return new Writable({
    decodeStrings: false,
    write(chunk: string | Buffer, _encoding, done) {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      target.write(terminalText(text), (error) => done(error ?? null));
    },
  });
}

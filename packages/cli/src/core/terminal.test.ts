import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { cell, renderRecord, renderTable } from './output.js';
import { terminalSafe, terminalText } from './terminal.js';

const ESC = '\u001b';
// An OSC title change, a colour, a lone C1 CSI, a bidi override, a carriage return, a bell.
const hostile = `${ESC}]0;owned\u0007${ESC}[31mred\u009b2J\u202eevil\rover`;
// Any control character but the line breaks between lines.
const RAW_CONTROL = /[^\P{Cc}\n]|\p{Bidi_Control}/u;

function collect(): { stream: Writable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

describe('terminal-safe output', () => {
  it('when text holds escape sequences, then every control character is shown as \\uXXXX, the rest kept', () => {
    assert.equal(
      terminalText(hostile),
      '\\u001b]0;owned\\u0007\\u001b[31mred\\u009b2J\\u202eevil\\u000dover',
    );
    assert.equal(terminalText('Zoé\tline one\nline two'), 'Zoé\tline one\nline two');
  });

  it('when a table cell or record value holds a line break or a tab, then it stays on its line', () => {
    assert.equal(cell('a\nb\tc'), 'a\\u000ab\\u0009c');
    const table = renderTable(['name'], [{ name: `x\nFAKE ROW${ESC}[2J` }]);
    assert.equal(table.split('\n').length, 2);
    assert.doesNotMatch(table, RAW_CONTROL);
    assert.doesNotMatch(renderRecord({ firstname: hostile }), RAW_CONTROL);
  });

  it('when JSON goes through the stream, then it is still valid JSON with the exact values', async () => {
    const { stream, text } = collect();
    const safe = terminalSafe(stream);
    const value = { name: hostile, nested: [`${ESC}[1m`, '\u2066x\u2069'] };
    await new Promise<void>((resolve) => safe.write(`${JSON.stringify(value, null, 2)}\n`, () => resolve()));
    assert.doesNotMatch(text(), RAW_CONTROL);
    assert.deepEqual(JSON.parse(text()), value);
  });

  it('when bytes arrive split inside a character, then the character is kept whole', async () => {
    const { stream, text } = collect();
    const safe = terminalSafe(stream);
    const bytes = Buffer.from(`é${ESC}é`);
    for (const part of [bytes.subarray(0, 1), bytes.subarray(1, 3), bytes.subarray(3)])
      await new Promise<void>((resolve) => safe.write(part, () => resolve()));
    assert.equal(text(), 'é\\u001bé');
  });
});

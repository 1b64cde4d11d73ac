import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contactsToCsv, decodeCsv, parseCsv } from './csv.js';
import { charsetOf } from './http.js';

describe('contacts CSV', () => {
  it('when contacts with accents, quotes, commas and newlines are written and read back, then they are unchanged', () => {
    const contacts: Record<string, string>[] = [
      { id: '1', firstname: 'Hélène', lastname: 'O"Neil, Jr', note: 'two\nlines' },
      { id: '2', firstname: 'Zoë' },
    ];
    const text = contactsToCsv(contacts);
    assert.ok(text.startsWith('firstname,id,lastname,note\r\n'), text);
    const document = parseCsv(text);
    assert.deepEqual(document.columns, ['firstname', 'id', 'lastname', 'note']);
    assert.deepEqual(
      document.lines.map((l) => l.values),
      [
        ['Hélène', '1', 'O"Neil, Jr', 'two\nlines'],
        ['Zoë', '2', '', ''],
      ],
    );
    assert.deepEqual(
      document.lines.map((l) => l.line),
      [3, 4],
    );
  });

  it('when lines are empty or have a different number of values, then empty ones are skipped and the others kept', () => {
    const document = parseCsv('a,b\n1,2\n\n3\n4,5,6\n');
    assert.deepEqual(document.lines, [
      { line: 2, values: ['1', '2'] },
      { line: 4, values: ['3'] },
      { line: 5, values: ['4', '5', '6'] },
    ]);
  });

  it('when a document comes in latin-1, then it is decoded by its charset; an unknown charset is refused', () => {
    assert.equal(decodeCsv(Buffer.from([0x48, 0xe9]), charsetOf('text/csv; charset=ISO-8859-1')), 'Hé');
    assert.equal(charsetOf('text/csv'), undefined);
    assert.throws(() => decodeCsv(Buffer.from('a'), 'klingon'), { errorId: 'unknown-encoding' });
    assert.throws(() => decodeCsv(Buffer.from([0xff, 0xfe, 0xfd]), undefined), { errorId: 'bad-encoding' });
  });
});

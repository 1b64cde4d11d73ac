/** Wazo's users CSV read row by row: columns to resources' fields by Wazo's rules. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryOf, parseCsv } from './csv-rows.js';

describe('users CSV rows', () => {
  it('when parsed, then rows are numbered from 1 after the header, quoted cells kept whole', () => {
    const rows = parseCsv('\uFEFFfirstname,outgoing_caller_id\r\nAlice,"""A, B"" <1000>"\n\nBob\n');
    assert.deepEqual(
      rows.map((r) => [r.number, { ...r.fields }]),
      [
        [1, { firstname: 'Alice', outgoing_caller_id: '"A, B" <1000>' }],
        [2, { firstname: 'Bob', outgoing_caller_id: '' }],
      ],
    );
  });

  it('when a column is named __proto__, then it is a column like any other', () => {
    const [row] = parseCsv('__proto__,firstname\nx,Alice\n');
    assert.deepEqual(Object.entries(row!.fields), [
      ['__proto__', 'x'],
      ['firstname', 'Alice'],
    ]);
    assert.equal(Object.getPrototypeOf({}), Object.prototype);
  });

  it("when a row is read, then each column feeds its resource's field; empty cells are null, absent ones absent", () => {
    const [row] = parseCsv(
      'firstname,email,enabled,ring_seconds,voicemail_number,line_protocol,context,sip_secret,call_permissions,incall_exten\n' +
        'Alice,a@example.com,1,,1000,sip,default,pw,a;b,\n',
    );
    const entry = entryOf(row!);
    assert.deepEqual(entry.user, {
      firstname: 'Alice',
      email: 'a@example.com',
      enabled: true,
      ring_seconds: null,
    });
    assert.deepEqual(entry.wazoUser, { firstname: 'Alice', email_address: 'a@example.com' });
    assert.deepEqual(entry.voicemail, { number: '1000' });
    assert.deepEqual(entry.line, { endpoint: 'sip', context: 'default' });
    assert.deepEqual(entry.sip, { password: 'pw' });
    assert.deepEqual(entry.callPermissions, { names: ['a', 'b'] });
    assert.deepEqual(entry.incall, { exten: null });
    assert.deepEqual(entry.extension, { context: 'default', firstname: 'Alice', line_protocol: 'sip' });
  });

  it("when a boolean or integer cell is not one, then Wazo's message for it", () => {
    const [bool, int, list] = parseCsv(
      'supervision_enabled,simultaneous_calls,call_permissions\nyes,,\n1,-3,\n,,\n',
    );
    assert.throws(() => entryOf(bool!), {
      message: "Input Error - 'supervision_enabled' must be one of (0, 1)",
    });
    assert.throws(() => entryOf(int!), {
      message: "Input Error - field 'simultaneous_calls': wrong type. Should be a integer",
    });
    assert.deepEqual(entryOf(list!).callPermissions, { names: [] });
  });

  it('when the text is not CSV, then one invalid-data error', () => {
    assert.throws(
      () => parseCsv('firstname\n"open'),
      (error: Error & { code?: string }) => {
        assert.match(error.message, /^Input Error - invalid CSV: /);
        return error.code === 'invalid-data';
      },
    );
  });
});

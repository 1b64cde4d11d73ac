import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pythonFormat } from './python-format.js';

describe("format_columns with Python's str.format", () => {
  const fields = {
    firstname: 'Ada',
    lastname: 'Lovelace',
    exten: '1001',
    extensions: ['2001', '2002'],
    map: { home: '555' },
    id: 7,
    empty: '',
    nothing: null,
  };

  it('when named fields are given, then they are replaced and the result stripped', () => {
    assert.equal(pythonFormat('{firstname} {lastname}', fields), 'Ada Lovelace');
    assert.equal(pythonFormat('  {exten}  ', fields), '1001');
    assert.equal(pythonFormat('#{id}', fields), '#7');
  });

  it('when a field is missing, empty or null, then it is empty, and an empty result is null', () => {
    assert.equal(pythonFormat('{firstname} {unknown}', fields), 'Ada');
    assert.equal(pythonFormat('{unknown}', fields), null);
    assert.equal(pythonFormat('{empty}{nothing}', fields), null);
  });

  it('when an index or key is used, then it is looked up; out of range or absent is null', () => {
    assert.equal(pythonFormat('{extensions[0]}', fields), '2001');
    assert.equal(pythonFormat('{map[home]}', fields), '555');
    assert.equal(pythonFormat('{extensions[5]}', fields), null);
    assert.equal(pythonFormat('{map[work]}', fields), null);
  });

  it('when braces are doubled, conversions or specs given, then as Python', () => {
    assert.equal(pythonFormat('{{x}} {exten}', fields), '{x} 1001');
    assert.equal(pythonFormat('{extensions}', fields), "['2001', '2002']");
    assert.equal(pythonFormat('{firstname!r}', fields), "'Ada'");
    assert.equal(pythonFormat('[{exten:>6}]', fields), '[  1001]');
  });

  it('when the template is broken or positional, then null', () => {
    assert.equal(pythonFormat('{firstname', fields), null);
    assert.equal(pythonFormat('}', fields), null);
    assert.equal(pythonFormat('{0}', fields), null);
    assert.equal(pythonFormat('{}', fields), null);
  });
});

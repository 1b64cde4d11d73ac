/** The destination table of function keys: cleaning, identity for duplicates, BLF, parameters. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cleanDestination,
  destinationIdentity,
  destinationParameters,
  supportsBlf,
} from './func-key-destinations.js';

describe('function key destinations', () => {
  it("when cleaned, then only the type's parameters stay, extens trimmed, a forward's exten null", () => {
    assert.deepEqual(cleanDestination({ type: 'custom', exten: ' *99 ', href: 'x', user_id: 3 }), {
      type: 'custom',
      exten: '*99',
    });
    assert.deepEqual(cleanDestination({ type: 'forward', forward: 'busy' }), {
      type: 'forward',
      forward: 'busy',
      exten: null,
    });
    assert.deepEqual(cleanDestination({ type: 'onlinerec', label: 'x' }), { type: 'onlinerec' });
  });

  it("when compared, then Wazo's identifying parameters, sorted by name, without the type", () => {
    assert.deepEqual(destinationIdentity({ type: 'forward', forward: 'busy', exten: null }), {
      exten: null,
      forward: 'busy',
    });
    assert.deepEqual(destinationIdentity({ type: 'groupmember', group_id: 2, action: 'join' }), {
      action: 'join',
      group_id: 2,
    });
    assert.deepEqual(destinationIdentity({ type: 'onlinerec' }), { feature: 'onlinerec' });
  });

  it('when a destination cannot light up, then its key loses the BLF', () => {
    assert.equal(supportsBlf({ type: 'user', user_id: 1 }), true);
    assert.equal(supportsBlf({ type: 'group', group_id: 1 }), false);
    assert.equal(supportsBlf({ type: 'service', service: 'enablednd' }), true);
    assert.equal(supportsBlf({ type: 'service', service: 'pickup' }), false);
  });

  it('when listed, then fifteen types; choices and the users collection where Wazo gives them', () => {
    const types = destinationParameters(() => 'https://h/1.1/users');
    assert.equal(types.length, 15);
    assert.deepEqual(types.find((t) => t.type === 'groupmember')?.parameters, [
      { name: 'group_id' },
      { name: 'action', values: ['join', 'leave', 'toggle'] },
    ]);
    assert.deepEqual(types.find((t) => t.type === 'user')?.parameters, [
      { name: 'user_id', collection: 'https://h/1.1/users' },
    ]);
  });
});

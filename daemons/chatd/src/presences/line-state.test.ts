import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  channelStateOf,
  endpointNameOfChannel,
  endpointNameOfLine,
  endpointStateOf,
  lineStateOf,
  userLineStateOf,
} from './line-state.js';

describe('line states', () => {
  it('when the engine gives a device state, then in-use, ringing and on-hold devices are available', () => {
    for (const state of ['NOT_INUSE', 'INUSE', 'RINGING', 'RINGINUSE', 'ONHOLD'])
      assert.equal(endpointStateOf(state), 'available', state);
    for (const state of ['UNAVAILABLE', 'UNKNOWN', 'BUSY', 'INVALID', 'SOMETHING'])
      assert.equal(endpointStateOf(state), 'unavailable', state);
  });

  it("when the engine gives a channel's state, then Ring progresses, Ringing rings, Up and Busy talk", () => {
    assert.equal(channelStateOf('Ring'), 'progressing');
    assert.equal(channelStateOf('Ringing'), 'ringing');
    assert.equal(channelStateOf('Up'), 'talking');
    assert.equal(channelStateOf('Busy'), 'talking');
    assert.equal(channelStateOf('Down'), 'undefined');
  });

  it('when a channel is named, then its endpoint is the name without the -suffix', () => {
    assert.equal(endpointNameOfChannel('PJSIP/alice-0000002a'), 'PJSIP/alice');
    assert.equal(endpointNameOfChannel('PJSIP/a-b-00000001'), 'PJSIP/a-b');
    assert.equal(endpointNameOfChannel('Local/x'), 'Local/x');
  });

  it('when confd describes a line, then its endpoint is named as the engine names channels', () => {
    assert.equal(endpointNameOfLine({ name: 'abc', endpoint_sip: { uuid: 'u' } }), 'PJSIP/abc');
    assert.equal(endpointNameOfLine({ name: 'abc', endpoint_sccp: { id: 1 } }), 'SCCP/abc');
    assert.equal(endpointNameOfLine({ name: 'abc', endpoint_custom: { interface: 'DAHDI/1' } }), 'DAHDI/1');
    assert.equal(endpointNameOfLine({ name: 'abc' }), null);
  });

  it('when a line has channels, then the busiest wins over the endpoint state', () => {
    assert.equal(lineStateOf('available', ['talking', 'ringing']), 'ringing');
    assert.equal(lineStateOf('available', ['talking', 'holding']), 'holding');
    assert.equal(lineStateOf('available', ['talking', 'progressing']), 'progressing');
    assert.equal(lineStateOf('unavailable', ['undefined']), 'unavailable');
    assert.equal(lineStateOf('available', []), 'available');
    assert.equal(lineStateOf(null, []), 'unavailable');
  });

  it('when a user has lines, then its line_state is the busiest of them, unavailable without any', () => {
    assert.equal(userLineStateOf(['available', 'talking']), 'talking');
    assert.equal(userLineStateOf(['holding', 'ringing']), 'ringing');
    assert.equal(userLineStateOf(['unavailable', 'available']), 'available');
    assert.equal(userLineStateOf(['unavailable']), 'unavailable');
    assert.equal(userLineStateOf([]), 'unavailable');
  });
});

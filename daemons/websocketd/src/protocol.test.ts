import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeClientMessage, encodeEvent, ProtocolError, parseVersion } from './protocol.js';

describe('websocketd protocol codec', () => {
  it('when a frame is a well-formed op, then it is decoded with its value', () => {
    assert.deepEqual(decodeClientMessage('{"op":"subscribe","data":{"event_name":"*"}}', false), {
      op: 'subscribe',
      value: '*',
    });
    assert.deepEqual(decodeClientMessage('{"op":"start","data":42}', false), { op: 'start' });
    assert.deepEqual(decodeClientMessage(Buffer.from('{"op":"ping","data":{"payload":""}}'), false), {
      op: 'ping',
      value: '',
    });
  });

  it('when a frame is outside the protocol, then ProtocolError', () => {
    for (const frame of [
      '',
      'null',
      '"op"',
      '{"op":null}',
      '{"op":"token","data":null}',
      '{"op":"token","data":[]}',
    ])
      assert.throws(() => decodeClientMessage(frame, false), ProtocolError, frame);
    assert.throws(() => decodeClientMessage('{"op":"start"}', true), ProtocolError);
  });

  it('when an event name is longer than 256 characters, then ProtocolError', () => {
    const frame = (name: string) => JSON.stringify({ op: 'subscribe', data: { event_name: name } });
    assert.deepEqual(decodeClientMessage(frame('x'.repeat(256)), false), {
      op: 'subscribe',
      value: 'x'.repeat(256),
    });
    assert.throws(() => decodeClientMessage(frame('x'.repeat(257)), false), ProtocolError);
  });

  it('when the version is absent, then 1; 1 and 2 are taken; anything else is refused', () => {
    assert.equal(parseVersion(null), 1);
    assert.equal(parseVersion(''), 1, 'an empty ?version= is no version, as in Wazo');
    assert.equal(parseVersion('2'), 2);
    for (const raw of ['3', '1.5', 'v2', ' ']) assert.throws(() => parseVersion(raw), ProtocolError, raw);
  });

  it("when the version is an integer Python's int() reads, then it is taken; what int() refuses is refused", () => {
    for (const raw of [' 2', '+2', '02', '0_2', '2\n'])
      assert.equal(parseVersion(raw), 2, JSON.stringify(raw));
    for (const raw of ['1.0', '0x1', '1e0', 'undefined', '2_', '-2'])
      assert.throws(() => parseVersion(raw), ProtocolError, raw);
  });

  it('when an event is encoded, then v1 is the body itself and v2 wraps it as valid JSON', () => {
    const body = '{"name":"x","data":{"a":1}}';
    assert.equal(encodeEvent(body, 1), body);
    assert.deepEqual(JSON.parse(encodeEvent(body, 2)), {
      op: 'event',
      code: 0,
      data: { name: 'x', data: { a: 1 } },
    });
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SerializerSelector } from '@fastify/fast-json-stringify-compiler';
import { ListOf, OpenObject, Type } from '../schema/index.js';
import { serializationSchema, serializerFor } from './serialization.js';

const compile = SerializerSelector()({}, {});
/** fast-json-stringify through the documented schema: what Fastify would send by default. */
const fastJson = (schema: unknown) => compile({ method: 'GET', url: '/', httpStatus: '200', schema });

/** What the kit sends for a value, beside what fast-json-stringify sends through the documented schema. */
function both(schema: unknown, value: unknown) {
  return { documented: fastJson(schema)(value), sent: serializerFor(schema)(value) };
}

const destination = Type.Union([
  Type.Object({
    type: Type.Literal('user'),
    user_id: Type.Integer(),
    ring_time: Type.Union([Type.Number(), Type.Null()]),
  }),
  Type.Object({ type: Type.Literal('group'), group_id: Type.Integer(), group_name: Type.String() }),
  Type.Object({ type: Type.Literal('none') }),
]);
const full = Type.Object({
  uuid: Type.String(),
  firstname: Type.String(),
  lines: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String() })),
  fallback: Type.Union([destination, Type.Null()]),
  created_at: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
  options: Type.Array(Type.Array(Type.String())),
  metadata: OpenObject(),
});
const summary = Type.Object({
  uuid: Type.String(),
  firstname: Type.String(),
  extension: Type.Union([Type.String(), Type.Null()]),
});
const list = Type.Object({ total: Type.Integer(), items: Type.Array(Type.Union([full, summary])) });
const at = new Date('2026-12-07T10:00:00Z');
const user = (fallback: unknown) => ({
  uuid: 'a',
  firstname: 'A',
  lines: [{ id: 1, name: 'l', secret: 'x' }],
  fallback,
  created_at: at,
  options: [['a', 'b']],
  metadata: { any: { nested: true } },
});

describe('response serialisation', () => {
  it('when a schema has unions, then the one serialised has none', () => {
    assert.doesNotMatch(JSON.stringify(serializationSchema(list)), /anyOf/);
  });

  it('when a value matches a branch of a union, then the client gets what fast-json-stringify writes for it', () => {
    for (const value of [
      { total: 2, items: [user(null), { uuid: 'b', firstname: 'Bob', extension: '1001' }] },
      { total: 1, items: [user({ type: 'user', user_id: 3, ring_time: null })] },
      { total: 1, items: [user({ type: 'group', group_id: 4, group_name: 'g' })] },
      { total: 1, items: [user({ type: 'none' })] },
      { total: '12', items: [{ uuid: 'c', firstname: 'Carol', extension: null }] },
    ]) {
      const { documented, sent } = both(list, value);
      assert.deepEqual(JSON.parse(sent), JSON.parse(documented));
    }
  });

  it('when a value holds keys its schema does not declare, then they are not sent, at any depth', () => {
    const value = {
      total: 1,
      items: [{ uuid: 'c', firstname: 'Carol', extension: null, password: 'secret' }],
    };
    const { documented, sent } = both(list, value);
    assert.equal(sent, documented);
    assert.doesNotMatch(both(list, { total: 1, items: [user(null)] }).sent, /secret/);
  });

  it('when objects of one answer share their keys and a later one has an undeclared key, then that key is still not sent', () => {
    const write = serializerFor(list);
    const carol = { uuid: 'c', firstname: 'Carol', extension: null };
    // The check remembers the keys of the objects it passed: the same keys in another order, one
    // fewer, or an undeclared key at the end or in place of a known one are each still checked.
    const items = [
      carol,
      { ...carol },
      { firstname: 'Dan', uuid: 'd', extension: '1' },
      { uuid: 'e', firstname: 'Eve', extension: null },
      { ...carol, password: 'secret' },
      { uuid: 'f', password: 'secret', firstname: 'F', extension: null },
      { uuid: 'g', firstname: 'G', extension: null },
    ];
    const sent = JSON.parse(write({ total: items.length, items }));
    assert.doesNotMatch(JSON.stringify(sent), /secret/);
    assert.deepEqual(sent, JSON.parse(fastJson(list)({ total: items.length, items })));
    assert.deepEqual(
      sent.items.map((item: { uuid: string }) => item.uuid),
      ['c', 'c', 'd', 'e', 'c', 'f', 'g'],
    );
    // And one answer after another: a second answer's first object is checked, not trusted.
    assert.doesNotMatch(write({ total: 1, items: [{ ...carol, password: 'secret' }] }), /secret/);
  });

  it('when a count comes as a numeric string, then it is sent as a number', () => {
    assert.equal(
      serializerFor(ListOf(Type.String()))({ total: '10000', items: ['x'] }),
      '{"total":10000,"items":["x"]}',
    );
  });

  it('when a union cannot be merged, then fast-json-stringify writes it', () => {
    const schema = Type.Object({ x: Type.Union([Type.Object({ a: Type.String() }), Type.Ref('other')]) });
    assert.match(JSON.stringify(serializationSchema(schema)), /anyOf/);
  });

  it('when two branches declare a key differently, then it takes either, still without undeclared keys', () => {
    const schema = Type.Union([
      Type.Object({ v: Type.Integer() }),
      Type.Object({ v: Type.Object({ n: Type.String() }) }),
    ]);
    const serialize = serializerFor(schema);
    assert.equal(serialize({ v: 3 }), '{"v":3}');
    assert.equal(serialize({ v: { n: 'x', extra: 1 } }), '{"v":{"n":"x"}}');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Nullable, Type } from '../schema/index.js';
import { closeBodySchema } from './closed-bodies.js';
import { createAjv } from './validation.js';

const ajv = createAjv({ coerceTypes: false, removeAdditional: true });

function validated(schema: unknown, body: unknown) {
  const validate = ajv.compile(closeBodySchema(schema) as object);
  return { valid: validate(body), body };
}

describe('closed request bodies', () => {
  it('when a body has keys its schema does not declare, then they are removed, at every depth', () => {
    const schema = Type.Object({
      name: Type.String(),
      owner: Type.Optional(Nullable(Type.Object({ id: Type.Integer() }))),
      items: Type.Array(Type.Object({ exten: Type.String() })),
    });
    const deep = JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    const { valid, body } = validated(schema, {
      name: 'n',
      id: 314,
      constructor: 1,
      deep,
      owner: { id: 1, uuid: 'u' },
      items: [{ exten: '1', id: 2 }],
    });
    assert.equal(valid, true);
    assert.deepEqual(body, { name: 'n', owner: { id: 1 }, items: [{ exten: '1' }] });
  });

  it('when a declared field has the wrong type, then the body is still refused', () => {
    const schema = Type.Object({ name: Type.String() });
    assert.equal(validated(schema, { name: 5, extra: 1 }).valid, false);
  });

  it('when an object is open or tested by composition, then its keys are kept', () => {
    const open = Type.Object({ a: Type.String() }, { additionalProperties: true });
    assert.deepEqual(validated(open, { a: 'x', b: 1 }).body, { a: 'x', b: 1 });
    // A destination: each type's fields are declared in an `allOf` branch, not beside `type`.
    const branched = {
      type: 'object',
      properties: { type: { type: 'string' } },
      allOf: [
        // biome-ignore lint/suspicious/noThenProperty: `then` is JSON Schema's keyword, not a promise
        { if: { properties: { type: { const: 'user' } } }, then: { properties: { user_id: {} } } },
      ],
    };
    assert.deepEqual(validated(branched, { type: 'user', user_id: 3 }).body, { type: 'user', user_id: 3 });
  });

  it('when a composition only requires fields (one of two keys), then the object is still closed', () => {
    const ref = Type.Object(
      { id: Type.Optional(Type.Integer()), uuid: Type.Optional(Type.String()) },
      { anyOf: [{ required: ['id'] }, { required: ['uuid'] }] },
    );
    assert.deepEqual(validated(ref, { id: 1, name: 'x' }).body, { id: 1 });
    assert.equal(validated(ref, { name: 'x' }).valid, false);
  });

  it('when a schema is closed for validation, then the documented schema is left as written', () => {
    const schema = Type.Object({ a: Type.String() });
    closeBodySchema(schema);
    assert.equal((schema as unknown as Record<string, unknown>).additionalProperties, undefined);
  });
});

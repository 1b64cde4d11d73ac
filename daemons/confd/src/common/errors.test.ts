/** marshmallow's wording of Ajv failures, field by field, and the unreadable-body answer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RequestFailure } from '@wazo-ts/daemon';
import { renderConfdValidationError, UNREADABLE_REQUEST } from './errors.js';

const messagesOf = (failure: RequestFailure) =>
  (renderConfdValidationError(failure).details as { messages: string[] }).messages;

describe('renderConfdValidationError', () => {
  it('when a nested value fails, then the top-level field carries a dict with indexes bare', () => {
    const items = [
      { instancePath: '/lines/0/extensions', keyword: 'type', params: { type: 'array' }, data: 'x' },
      { instancePath: '/label', keyword: 'maxLength', parentSchema: { minLength: 1, maxLength: 128 } },
      { instancePath: '/type', keyword: 'enum', params: { allowedValues: ['internal', 'incall'] } },
    ];
    assert.deepEqual(messagesOf({ kind: 'schema', part: 'body', items, value: {} }), [
      "Input Error - lines: {0: {'extensions': ['Not a valid list.']}}",
      "Input Error - label: ['Length must be between 1 and 128.']",
      "Input Error - type: ['Must be one of: internal, incall.']",
    ]);
  });

  it("when there is no body or it is not JSON, then werkzeug's 400 text", () => {
    const item = { instancePath: '', keyword: 'type', params: { type: 'object' } };
    assert.deepEqual(messagesOf({ kind: 'schema', part: 'body', items: [item], value: undefined }), [
      UNREADABLE_REQUEST,
    ]);
    const unreadable: RequestFailure = { kind: 'unreadable-body', status: 400, code: 'X', message: 'bad' };
    assert.deepEqual(messagesOf(unreadable), [UNREADABLE_REQUEST]);
    assert.deepEqual(messagesOf({ kind: 'schema', part: 'body', items: [item], value: [1] }), [
      "Input Error - _schema: ['Invalid input type.']",
    ]);
  });
});

/**
 * Body validation failures worded as wazo-auth words them: marshmallow's errors through
 * `_BaseParamException.from_errors`, a 400 `invalid-data` whose message is the first failing
 * field's and whose `details` nest that field's path down to xivo.mallow's constraint
 * (`{address: {state: {constraint_id: 'length', constraint: {...}, message}}}`). Plugged into
 * the kit as `renderValidationError`; other request parts keep the kit's wording.
 */
import {
  marshmallowConstraint,
  marshmallowMessage,
  type RequestFailure,
  type VerboseValidationItem,
  validationPath,
} from '@wazo-ts/daemon';
import { InvalidDataError, type WazoError } from '@wazo-ts/errors';

type Tree = Record<string, unknown>;

/** The first failure at `path`, nested as marshmallow's error dict nests it. */
function nested(path: string[], leaf: Tree): Tree {
  return path.reduceRight<Tree>((inner, part) => ({ [part]: inner }), leaf);
}

/**
 * A failure marshmallow would report: not Ajv's summary of a union (`anyOf`), nor the `null`
 * branch of a nullable field (its value failed the field's own checks, reported beside it).
 */
const isFieldFailure = (item: VerboseValidationItem) =>
  item.keyword !== 'anyOf' &&
  item.keyword !== 'oneOf' &&
  !(item.keyword === 'type' && item.params?.type === 'null');

export function renderAuthValidationError(failure: RequestFailure): WazoError | undefined {
  if (failure.kind !== 'schema' || failure.part !== 'body') return undefined;
  const first = (failure.items as VerboseValidationItem[]).find(isFieldFailure);
  if (!first) return undefined;
  const path = validationPath(first);
  const message = marshmallowMessage(first);
  const leaf = { ...marshmallowConstraint(first), message };
  return new InvalidDataError(message, {
    errorId: 'invalid-data',
    details: nested(path.length > 0 ? path : ['_schema'], leaf),
  });
}

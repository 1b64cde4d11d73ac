/**
 * PostgreSQL's refusals of bad data, as Wazo's errors. The unit of work passes every error of a
 * service call through `translateDatabaseError`, so a constraint violation (a race past a
 * validator, a rule only the schema enforces) or a value PostgreSQL cannot store is a 400 in
 * confd's words, never a 500; the transaction has rolled back, so nothing changed. Other errors
 * (connection lost, a bug) pass through unchanged.
 */
import type { WazoError } from '@wazo-ts/errors';
import pg from 'pg';
import {
  type Criteria,
  inputError,
  referenceNotFound,
  resourceAssociated,
  resourceError,
  resourceExists,
} from '../errors.js';
import { type ConstraintRule, constraintRules, type KeyField } from './constraint-rules.js';

/** `Key (a, b)=(1, x) already exists.` → the values, when they split into `count` parts. */
function keyValues(detail: string | undefined, count: number): string[] | undefined {
  const match = detail?.match(
    /^Key \((.*)\)=\((.*)\) (?:already exists|is (?:not present|still referenced))/s,
  );
  if (!match) return undefined;
  const values = count === 1 ? [match[2]!] : match[2]!.split(', ');
  return values.length === count ? values : undefined;
}

function criteriaOf(fields: readonly KeyField[], detail: string | undefined): Criteria {
  const values = keyValues(detail, fields.length);
  if (!values) return {};
  return Object.fromEntries(
    fields.map(([name, type], i) => [name, type === 'int' ? Number(values[i]) : values[i]]),
  );
}

const stillReferenced = (err: pg.DatabaseError): boolean => /is still referenced/.test(err.detail ?? '');

function fromRule(rule: ConstraintRule, err: pg.DatabaseError): WazoError {
  switch (rule.kind) {
    case 'unique':
      return resourceExists(rule.resource, criteriaOf(rule.fields, err.detail));
    case 'associated':
      return resourceAssociated(rule.resource, rule.associated, criteriaOf(rule.fields, err.detail));
    case 'reference':
      return stillReferenced(err)
        ? resourceAssociated(rule.resource, rule.owner, criteriaOf([rule.key], err.detail))
        : referenceNotFound(rule.field, rule.resource, criteriaOf([rule.key], err.detail));
    case 'check':
      return inputError(`${rule.field}: ['${rule.message}']`, { field: rule.field });
    case 'rule':
      return resourceError(rule.message);
  }
}

/** A constraint missing from the table still gets a 400, worded from what PostgreSQL says. */
function unlisted(err: pg.DatabaseError): WazoError {
  const what = err.table ?? 'Resource';
  if (err.code === '23505') return resourceExists(what, criteriaOf([['key', 'text']], err.detail));
  if (err.code === '23503' && stillReferenced(err)) return resourceAssociated(what, 'resource');
  return inputError(`${err.column ?? what}: ['Invalid value.']`, { constraint: err.constraint });
}

/** Class 22 (data exceptions): values the schema layer should have refused, worded for a client. */
function dataException(err: pg.DatabaseError): WazoError {
  switch (err.code) {
    case '22001':
      return inputError(`Value too long: ${err.message.replace(/^value too long for type /, '')}`);
    case '22P02':
      return inputError(err.message.replace(/^invalid input syntax for type (\S+)/, 'Not a valid $1'));
    case '22003':
      return inputError(`Value out of range: ${err.message}`);
    default:
      return inputError(`Invalid value: ${err.message}`);
  }
}

export function translateDatabaseError(err: unknown): unknown {
  if (!(err instanceof pg.DatabaseError) || !err.code) return err;
  if (err.code === '23502') {
    return inputError(`${err.column ?? 'value'}: ['Missing data for required field.']`, {
      field: err.column,
    });
  }
  if (err.code.startsWith('23')) {
    const rule = err.constraint ? constraintRules[err.constraint] : undefined;
    return rule ? fromRule(rule, err) : unlisted(err);
  }
  if (err.code.startsWith('22')) return dataException(err);
  return err;
}

/**
 * The Service API's errors, worded as wazo-confd words them, so a daemon renders them as Wazo's
 * JSON list of strings: `Resource Not Found - User was not found ('id': 42)`. Metadata is written
 * as a Python dict repr without braces (strings quoted with single quotes, numbers bare,
 * booleans True/False, null None), because Wazo's clients and tests match these strings.
 */
import { InvalidDataError, NotFoundError, type WazoError } from '@wazo-ts/errors';

export type Criteria = Record<string, unknown>;

/** A value as Python's repr writes it, as Wazo's messages show it. */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') {
    const escaped = value.replaceAll('\\', '\\\\');
    // Python quotes with " a string that holds ' and no ".
    if (value.includes("'") && !value.includes('"')) return `"${escaped}"`;
    return `'${escaped.replaceAll("'", "\\'")}'`;
  }
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${pythonRepr(k)}: ${pythonRepr(v)}`)
      .join(', ')}}`;
  }
  return String(value);
}

/** `'id': 42, 'name': 'x'`: Wazo's metadata, in key order. */
export function formatCriteria(criteria: Criteria): string {
  return Object.entries(criteria)
    .map(([key, value]) => `'${key}': ${pythonRepr(value)}`)
    .join(', ');
}

const withCriteria = (text: string, criteria: Criteria): string =>
  Object.keys(criteria).length > 0 ? `${text} (${formatCriteria(criteria)})` : text;

/** 404 `Resource Not Found - User was not found ('id': 42)`. */
export function notFound(resource: string, criteria: Criteria = {}): WazoError {
  return new NotFoundError(withCriteria(`Resource Not Found - ${resource} was not found`, criteria), {
    errorId: 'not-found',
    details: { resource, ...criteria },
  });
}

/** 400 `Input Error - field 'context': Context was not found ('name': 'foo')`: a reference that does not exist. */
export function referenceNotFound(field: string, resource: string, criteria: Criteria = {}): WazoError {
  return new InvalidDataError(
    withCriteria(`Input Error - field '${field}': ${resource} was not found`, criteria),
    {
      errorId: 'invalid-data',
      details: { field, resource, ...criteria },
    },
  );
}

/** 400 `Input Error - <message>`: a value the schema accepted but the rules refuse. */
export function inputError(message: string, details: Record<string, unknown> = {}): WazoError {
  return new InvalidDataError(`Input Error - ${message}`, { errorId: 'invalid-data', details });
}

/** 400 `Resource Error - User already exists ('email': 'a@b.c')`. */
export function resourceExists(resource: string, criteria: Criteria = {}): WazoError {
  return new InvalidDataError(withCriteria(`Resource Error - ${resource} already exists`, criteria), {
    errorId: 'resource-exists',
    details: { resource, ...criteria },
  });
}

/** 400 `Resource Error - User is associated with a Schedule ('user_id': 1, 'schedule_id': 2)`. */
export function resourceAssociated(resource: string, associated: string, criteria: Criteria = {}): WazoError {
  return new InvalidDataError(
    withCriteria(`Resource Error - ${resource} is associated with a ${associated}`, criteria),
    {
      errorId: 'resource-associated',
      details: { resource, associated, ...criteria },
    },
  );
}

/** 400 `Resource Error - <message>`: any other business rule (different tenants, missing line...). */
export function resourceError(message: string, details: Record<string, unknown> = {}): WazoError {
  return new InvalidDataError(`Resource Error - ${message}`, { errorId: 'resource-error', details });
}

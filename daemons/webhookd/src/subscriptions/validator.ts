/**
 * The rules a subscription's `config` follows, by service, as Wazo's schemas: an `http`
 * subscription needs a URL and a method (lower-cased) and may have a body, a content type and a
 * certificate check; any other service takes a flat map of strings. `null` values are dropped
 * first; unknown http options are dropped, as marshmallow excludes them.
 */
import { type FieldProblem, invalidSubscription } from './errors.js';

const HTTP_METHODS = ['head', 'get', 'post', 'put', 'delete'];

const required = (): FieldProblem => ({
  message: 'Missing data for required field.',
  constraint_id: 'required',
  constraint: 'required',
});
const notString = (): FieldProblem => ({
  message: 'Not a valid string.',
  constraint_id: 'type',
  constraint: 'string',
});
const tooLong = (max: number): FieldProblem => ({
  message: `Longer than maximum length ${max}.`,
  constraint_id: 'length',
  constraint: { max },
});

function checkString(
  config: Record<string, unknown>,
  key: string,
  rules: { required?: boolean; max: number },
  problems: Record<string, FieldProblem>,
): string | undefined {
  const value = config[key];
  if (value === undefined) {
    if (rules.required) problems[key] = required();
    return undefined;
  }
  if (typeof value !== 'string') problems[key] = notString();
  else if (value.length > rules.max) problems[key] = tooLong(rules.max);
  else return value;
  return undefined;
}

function httpConfig(config: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, FieldProblem> = {};
  const url = checkString(config, 'url', { required: true, max: 8192 }, problems);
  const method = checkString(config, 'method', { required: true, max: 16 }, problems);
  const body = checkString(config, 'body', { max: 16384 }, problems);
  const verify = checkString(config, 'verify_certificate', { max: 4096 }, problems);
  const contentType = checkString(config, 'content_type', { max: 256 }, problems);
  if (method !== undefined && !HTTP_METHODS.includes(method.toLowerCase()))
    problems.method = {
      message: `Must be one of: ${HTTP_METHODS.join(', ')}.`,
      constraint_id: 'enum',
      constraint: { choices: HTTP_METHODS },
    };
  if (verify !== undefined && verify !== 'true' && verify !== 'false' && !verify.startsWith('/'))
    problems.verify_certificate = {
      message: 'Must be "true", "false" or the absolute path of a CA bundle.',
      constraint_id: 'verify-certificate-invalid',
      constraint: { choices: ['true', 'false', '/<path>'] },
    };
  if (Object.keys(problems).length > 0) throw invalidSubscription({ config: problems });
  const out: Record<string, string> = { url: url as string, method: (method as string).toLowerCase() };
  if (body !== undefined) out.body = body;
  if (verify !== undefined) out.verify_certificate = verify;
  if (contentType !== undefined) out.content_type = contentType;
  return out;
}

function stringMap(config: Record<string, unknown>): Record<string, string> {
  const problems: Record<string, FieldProblem> = {};
  for (const [key, value] of Object.entries(config))
    if (typeof value !== 'string') problems[key] = notString();
  if (Object.keys(problems).length > 0) throw invalidSubscription({ config: problems });
  return config as Record<string, string>;
}

/** The config to store for `service`, or a 400 naming the bad options. */
export function validateConfig(service: string, config: Record<string, unknown>): Record<string, string> {
  const present = Object.fromEntries(Object.entries(config).filter(([, value]) => value !== null));
  return service === 'http' ? httpConfig(present) : stringMap(present);
}

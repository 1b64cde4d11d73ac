/**
 * What a config problem looks like. A `ConfigError` stops the daemon; its message lists every
 * issue with where the faulty value came from (file:line:column, environment variable or flag)
 * and its key path, so the operator can fix all of them in one go.
 */
import { WazoError } from '@wazo-ts/errors';

export interface ConfigLocation {
  /** Human name of the layer that set the value: a file path, `environment variable X`, ... */
  source: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface ConfigIssue extends ConfigLocation {
  /** Dotted key path, e.g. `rest_api.port`; empty for a whole file. */
  path: string;
  message: string;
}

export function formatLocation(location: ConfigLocation): string {
  if (location.file === undefined) return location.source;
  if (location.line === undefined) return location.file;
  return `${location.file}:${location.line}:${location.column ?? 1}`;
}

export function formatIssue(issue: ConfigIssue): string {
  const key = issue.path === '' ? '' : `${issue.path}: `;
  return `${formatLocation(issue)}: ${key}${issue.message}`;
}

export class ConfigError extends WazoError {
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[], options: { cause?: unknown } = {}) {
    super('invalid-data', ConfigError.describe(issues), {
      errorId: 'invalid-config',
      details: { issues: issues.map((issue) => ({ ...issue })) },
      cause: options.cause,
    });
    this.issues = issues;
  }

  static describe(issues: readonly ConfigIssue[]): string {
    if (issues.length === 1 && issues[0] !== undefined)
      return `Invalid configuration: ${formatIssue(issues[0])}`;
    return ['Invalid configuration:', ...issues.map((issue) => `  - ${formatIssue(issue)}`)].join('\n');
  }
}

/** Something worth logging once the logger is open; never fatal. */
export interface ConfigWarning extends Partial<ConfigLocation> {
  message: string;
}

export function formatWarning(warning: ConfigWarning): string {
  if (warning.source === undefined) return warning.message;
  return `${formatLocation({ ...warning, source: warning.source })}: ${warning.message}`;
}

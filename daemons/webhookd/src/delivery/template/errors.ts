/**
 * Why a template could not be rendered. Every one is final for a delivery: rendering the same
 * template on the same event fails the same way, so it is logged as `error` and never retried.
 */
export class TemplateError extends Error {
  override name = 'TemplateError';
}

/** An attribute of an undefined value, as Jinja2's `UndefinedError`. */
export class UndefinedError extends TemplateError {
  override name = 'UndefinedError';
}

/** The sandbox refused: a call, an attribute outside the data, or a step or size budget spent. */
export class SecurityError extends TemplateError {
  override name = 'SecurityError';
}

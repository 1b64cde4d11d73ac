// The webhook template engine: Jinja2's syntax, interpreted over data in a sandbox.
export { SecurityError, TemplateError, UndefinedError } from './errors.js';
export {
  defaultTemplateLimits,
  renderTemplate,
  type TemplateLimits,
  type TemplateVariables,
} from './render.js';

/**
 * Renders a webhook template (Jinja2 syntax) on an event, in a sandbox by construction: the tree
 * is interpreted over JSON data, lookups see own data properties only, calls are a fixed list of
 * pure methods, and every render has a step budget (loops end) and an output budget (no value or
 * output grows past it). Variables are Wazo's: `event_name`, `event` (the data), `wazo_uuid`.
 */
import { builtin, callMethod, FILTERS, TESTS } from './builtins.js';
import { SecurityError, TemplateError } from './errors.js';
import { type Expr, type Node, parseTemplate } from './parser.js';
import {
  checkSize,
  contains,
  display,
  equal,
  iterable,
  lookup,
  truthy,
  UNDEFINED,
  type Value,
} from './values.js';

export interface TemplateLimits {
  /** Nodes evaluated and loop turns taken, at most. */
  maxSteps: number;
  /** Characters of output (and of any string or list built on the way), at most. */
  maxOutput: number;
}

export const defaultTemplateLimits: TemplateLimits = { maxSteps: 100_000, maxOutput: 1_048_576 };

type Scope = Map<string, Value>;

class Renderer {
  private steps = 0;
  private out: string[] = [];
  private length = 0;
  constructor(private readonly limits: TemplateLimits) {}

  private step(): void {
    this.steps += 1;
    if (this.steps > this.limits.maxSteps)
      throw new SecurityError(`the template took more than ${this.limits.maxSteps} steps`);
  }

  private write(text: string): void {
    this.length += text.length;
    if (this.length > this.limits.maxOutput)
      throw new SecurityError(`the template output exceeds ${this.limits.maxOutput} characters`);
    this.out.push(text);
  }

  result(): string {
    return this.out.join('');
  }

  nodes(nodes: Node[], scopes: Scope[]): void {
    for (const node of nodes) this.node(node, scopes);
  }

  private node(node: Node, scopes: Scope[]): void {
    this.step();
    if (node.t === 'text') this.write(node.s);
    else if (node.t === 'out') this.write(display(this.expr(node.e, scopes)));
    else if (node.t === 'set') scopes.at(-1)!.set(node.n, this.expr(node.e, scopes));
    else if (node.t === 'for') this.loop(node, scopes);
    else {
      const branch = node.branches.find((b) => truthy(this.expr(b.test, scopes)));
      this.nodes(branch ? branch.body : node.else, [...scopes, new Map()]);
    }
  }

  private loop(node: Extract<Node, { t: 'for' }>, scopes: Scope[]): void {
    const items = iterable(this.expr(node.iter, scopes));
    if (items.length === 0) {
      this.nodes(node.else, [...scopes, new Map()]);
      return;
    }
    items.forEach((item, i) => {
      this.step();
      const frame: Scope = new Map();
      if (node.vars.length === 1) frame.set(node.vars[0]!, item);
      else {
        const parts = iterable(item);
        if (parts.length !== node.vars.length) throw new TemplateError('cannot unpack the loop item');
        node.vars.forEach((name, k) => {
          frame.set(name, parts[k]);
        });
      }
      frame.set('loop', {
        index: i + 1,
        index0: i,
        revindex: items.length - i,
        revindex0: items.length - i - 1,
        first: i === 0,
        last: i === items.length - 1,
        length: items.length,
      });
      this.nodes(node.body, [...scopes, frame]);
    });
  }

  private name(n: string, scopes: Scope[]): Value {
    for (let i = scopes.length - 1; i >= 0; i -= 1) if (scopes[i]!.has(n)) return scopes[i]!.get(n);
    return UNDEFINED;
  }

  private expr(e: Expr, scopes: Scope[]): Value {
    this.step();
    const limit = this.limits.maxOutput;
    switch (e.t) {
      case 'lit':
        return e.v;
      case 'name':
        return this.name(e.n, scopes);
      case 'list':
        return e.items.map((x) => this.expr(x, scopes));
      case 'dict': {
        const dict: Record<string, Value> = Object.create(null);
        for (const [k, v] of e.entries) dict[display(this.expr(k, scopes))] = this.expr(v, scopes);
        return { ...dict };
      }
      case 'attr':
        return lookup(this.expr(e.obj, scopes), e.key, describe(e.obj));
      case 'item':
        return lookup(this.expr(e.obj, scopes), this.expr(e.key, scopes), describe(e.obj));
      case 'call': {
        if (e.callee.t !== 'attr')
          throw new SecurityError('only methods of strings and mappings may be called');
        const target = this.expr(e.callee.obj, scopes);
        const args = e.args.map((a) => this.expr(a, scopes));
        return checkSize(callMethod(target, e.callee.key, args), limit);
      }
      case 'filter': {
        const filter = builtin(FILTERS, 'filter', e.name);
        const args = e.args.map((a) => this.expr(a, scopes));
        return checkSize(filter(this.expr(e.obj, scopes), args), limit);
      }
      case 'test': {
        const test = builtin(TESTS, 'test', e.name);
        const result = truthy(
          test(
            this.expr(e.obj, scopes),
            e.args.map((a) => this.expr(a, scopes)),
          ),
        );
        return e.negate ? !result : result;
      }
      case 'not':
        return !truthy(this.expr(e.e, scopes));
      case 'neg': {
        const v = this.expr(e.e, scopes);
        if (typeof v !== 'number') throw new TemplateError('"-" needs a number');
        return -v;
      }
      case 'cond':
        if (truthy(this.expr(e.test, scopes))) return this.expr(e.then, scopes);
        return e.else ? this.expr(e.else, scopes) : UNDEFINED;
      case 'bin':
        return this.binary(e, scopes);
    }
  }

  private binary(e: Extract<Expr, { t: 'bin' }>, scopes: Scope[]): Value {
    const l = this.expr(e.l, scopes);
    if (e.op === 'and') return truthy(l) ? this.expr(e.r, scopes) : l;
    if (e.op === 'or') return truthy(l) ? l : this.expr(e.r, scopes);
    const r = this.expr(e.r, scopes);
    return checkSize(operate(e.op, l, r, this.limits.maxOutput), this.limits.maxOutput);
  }
}

function describe(e: Expr): string {
  if (e.t === 'name') return e.n;
  if (e.t === 'attr') return `${describe(e.obj)}.${e.key}`;
  if (e.t === 'item') return `${describe(e.obj)}[...]`;
  return 'value';
}

function numbers(op: string, l: Value, r: Value): [number, number] {
  if (typeof l !== 'number' || typeof r !== 'number') throw new TemplateError(`"${op}" needs numbers`);
  return [l, r];
}

function operate(op: string, l: Value, r: Value, limit: number): Value {
  switch (op) {
    case '==':
      return equal(l, r);
    case '!=':
      return !equal(l, r);
    case 'in':
      return contains(r, l);
    case '~':
      return display(l) + display(r);
    case '+':
      if (typeof l === 'string' && typeof r === 'string') return l + r;
      if (Array.isArray(l) && Array.isArray(r)) return [...l, ...r];
      return numbers(op, l, r).reduce((a, b) => a + b);
    case '*': {
      const [text, times] = typeof l === 'number' ? [r, l] : [l, r];
      if (typeof text === 'string' && typeof times === 'number') {
        if (text.length * Math.max(times, 0) > limit) throw new SecurityError('string repetition too large');
        return text.repeat(Math.max(Math.trunc(times), 0));
      }
      return numbers(op, l, r).reduce((a, b) => a * b);
    }
  }
  if (['<', '>', '<=', '>='].includes(op)) {
    if (!(typeof l === typeof r && (typeof l === 'number' || typeof l === 'string')))
      throw new TemplateError(`"${op}" needs two numbers or two strings`);
    const [a, b] = [l as number, r as number];
    return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
  }
  const [a, b] = numbers(op, l, r);
  if ((op === '/' || op === '//' || op === '%') && b === 0) throw new TemplateError('division by zero');
  if (op === '-') return a - b;
  if (op === '/') return a / b;
  if (op === '//') return Math.floor(a / b);
  if (op === '%') return ((a % b) + b) % b;
  if (op === '**') {
    const result = a ** b;
    if (!Number.isFinite(result)) throw new SecurityError('number too large');
    return result;
  }
  throw new TemplateError(`unknown operator "${op}"`);
}

export interface TemplateVariables {
  event_name: string;
  event: unknown;
  wazo_uuid: string;
}

/** Renders `source`; throws a `TemplateError` (never retried) on a syntax or sandbox failure. */
export function renderTemplate(
  source: string,
  variables: TemplateVariables,
  limits: TemplateLimits = defaultTemplateLimits,
): string {
  const tree = parseTemplate(source);
  const renderer = new Renderer(limits);
  const root: Scope = new Map(Object.entries(variables));
  renderer.nodes(tree, [root, new Map()]);
  return renderer.result();
}

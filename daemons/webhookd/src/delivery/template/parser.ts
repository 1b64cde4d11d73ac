/**
 * The part of Jinja2 that webhook templates use, parsed into a tree: output, `if`/`elif`/`else`,
 * `for` (with `loop.*` and `else`), `set`, and expressions with Jinja2's precedence (conditional,
 * `or`, `and`, `not`, comparisons and `in`/`is`, `+ -`, `~`, `* / // %`, `**`, unary minus,
 * attributes, subscripts, calls and filters).
 */

import { TemplateError } from './errors.js';
import { type Chunk, chunks, type Token } from './lexer.js';

export type Expr =
  | { t: 'lit'; v: unknown }
  | { t: 'name'; n: string }
  | { t: 'list'; items: Expr[] }
  | { t: 'dict'; entries: [Expr, Expr][] }
  | { t: 'attr'; obj: Expr; key: string }
  | { t: 'item'; obj: Expr; key: Expr }
  | { t: 'call'; callee: Expr; args: Expr[] }
  | { t: 'filter'; obj: Expr; name: string; args: Expr[] }
  | { t: 'test'; obj: Expr; name: string; negate: boolean; args: Expr[] }
  | { t: 'bin'; op: string; l: Expr; r: Expr }
  | { t: 'not'; e: Expr }
  | { t: 'neg'; e: Expr }
  | { t: 'cond'; then: Expr; test: Expr; else: Expr | null };

export type Node =
  | { t: 'text'; s: string }
  | { t: 'out'; e: Expr }
  | { t: 'if'; branches: { test: Expr; body: Node[] }[]; else: Node[] }
  | { t: 'for'; vars: string[]; iter: Expr; body: Node[]; else: Node[] }
  | { t: 'set'; n: string; e: Expr };

const LITERALS: Record<string, unknown> = {
  true: true,
  True: true,
  false: false,
  False: false,
  none: null,
  None: null,
};
const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=']);

class ExpressionParser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }
  private isOp(value: string): boolean {
    const token = this.peek();
    return token?.type === 'op' && token.value === value;
  }
  private isName(value: string): boolean {
    const token = this.peek();
    return token?.type === 'name' && token.value === value;
  }
  private take(): Token {
    const token = this.tokens[this.i];
    if (!token) throw new TemplateError('unexpected end of expression');
    this.i += 1;
    return token;
  }
  expectOp(value: string): void {
    const token = this.take();
    if (token.type !== 'op' || token.value !== value) throw new TemplateError(`expected "${value}"`);
  }
  expectName(): string {
    const token = this.take();
    if (token.type !== 'name') throw new TemplateError('expected a name');
    return token.value;
  }
  takeName(value: string): boolean {
    if (!this.isName(value)) return false;
    this.i += 1;
    return true;
  }
  done(): boolean {
    return this.i >= this.tokens.length;
  }
  end(): void {
    if (!this.done()) throw new TemplateError('unexpected tokens at the end of the expression');
  }

  expression(): Expr {
    const then = this.or();
    if (!this.takeName('if')) return then;
    const test = this.or();
    return { t: 'cond', then, test, else: this.takeName('else') ? this.expression() : null };
  }
  private or(): Expr {
    let l = this.and();
    while (this.takeName('or')) l = { t: 'bin', op: 'or', l, r: this.and() };
    return l;
  }
  private and(): Expr {
    let l = this.not();
    while (this.takeName('and')) l = { t: 'bin', op: 'and', l, r: this.not() };
    return l;
  }
  private not(): Expr {
    return this.takeName('not') ? { t: 'not', e: this.not() } : this.compare();
  }
  private compare(): Expr {
    let l = this.additive();
    for (;;) {
      const token = this.peek();
      if (token?.type === 'op' && COMPARISONS.has(token.value)) {
        this.i += 1;
        l = { t: 'bin', op: token.value, l, r: this.additive() };
      } else if (this.takeName('in')) l = { t: 'bin', op: 'in', l, r: this.additive() };
      else if (this.isName('not') && this.peek(1)?.type === 'name' && this.peek(1)?.value === 'in') {
        this.i += 2;
        l = { t: 'not', e: { t: 'bin', op: 'in', l, r: this.additive() } };
      } else if (this.takeName('is')) {
        const negate = this.takeName('not');
        const name = this.expectName();
        const args = this.isOp('(') ? this.args() : [];
        l = { t: 'test', obj: l, name, negate, args };
      } else return l;
    }
  }
  private binary(next: () => Expr, ops: string[]): Expr {
    let l = next();
    for (let token = this.peek(); token?.type === 'op' && ops.includes(token.value); token = this.peek()) {
      this.i += 1;
      l = { t: 'bin', op: token.value, l, r: next() };
    }
    return l;
  }
  private additive(): Expr {
    return this.binary(() => this.concat(), ['+', '-']);
  }
  private concat(): Expr {
    return this.binary(() => this.multiplicative(), ['~']);
  }
  private multiplicative(): Expr {
    return this.binary(() => this.power(), ['*', '/', '//', '%']);
  }
  private power(): Expr {
    return this.binary(() => this.unary(), ['**']);
  }
  private unary(): Expr {
    if (this.isOp('-')) {
      this.i += 1;
      return { t: 'neg', e: this.unary() };
    }
    if (this.isOp('+')) this.i += 1;
    return this.postfix(this.primary());
  }
  private args(): Expr[] {
    this.expectOp('(');
    const args: Expr[] = [];
    while (!this.isOp(')')) {
      args.push(this.expression());
      if (!this.isOp(')')) this.expectOp(',');
    }
    this.expectOp(')');
    return args;
  }
  private postfix(expr: Expr): Expr {
    for (;;) {
      if (this.isOp('.')) {
        this.i += 1;
        const token = this.take();
        if (token.type === 'name') expr = { t: 'attr', obj: expr, key: token.value };
        else if (token.type === 'number' && Number.isInteger(token.value))
          expr = { t: 'item', obj: expr, key: { t: 'lit', v: token.value } };
        else throw new TemplateError('expected an attribute name after "."');
      } else if (this.isOp('[')) {
        this.i += 1;
        const key = this.expression();
        this.expectOp(']');
        expr = { t: 'item', obj: expr, key };
      } else if (this.isOp('(')) {
        expr = { t: 'call', callee: expr, args: this.args() };
      } else if (this.isOp('|')) {
        this.i += 1;
        const name = this.expectName();
        expr = { t: 'filter', obj: expr, name, args: this.isOp('(') ? this.args() : [] };
      } else return expr;
    }
  }
  private primary(): Expr {
    const token = this.take();
    if (token.type === 'string') {
      let value = token.value;
      // Adjacent string literals concatenate, as in Python.
      while (this.peek()?.type === 'string') value += (this.take() as { value: string }).value;
      return { t: 'lit', v: value };
    }
    if (token.type === 'number') return { t: 'lit', v: token.value };
    if (token.type === 'name')
      return Object.hasOwn(LITERALS, token.value)
        ? { t: 'lit', v: LITERALS[token.value] }
        : { t: 'name', n: token.value };
    if (token.value === '(') {
      const inner = this.expression();
      this.expectOp(')');
      return inner;
    }
    if (token.value === '[') {
      const items: Expr[] = [];
      while (!this.isOp(']')) {
        items.push(this.expression());
        if (!this.isOp(']')) this.expectOp(',');
      }
      this.expectOp(']');
      return { t: 'list', items };
    }
    if (token.value === '{') {
      const entries: [Expr, Expr][] = [];
      while (!this.isOp('}')) {
        const key = this.expression();
        this.expectOp(':');
        entries.push([key, this.expression()]);
        if (!this.isOp('}')) this.expectOp(',');
      }
      this.expectOp('}');
      return { t: 'dict', entries };
    }
    throw new TemplateError(`unexpected "${token.value}"`);
  }
}

function parseExpression(tokens: Token[]): Expr {
  const parser = new ExpressionParser(tokens);
  const expr = parser.expression();
  parser.end();
  return expr;
}

class TemplateParser {
  private i = 0;
  constructor(private readonly chunks: Chunk[]) {}

  /** Nodes up to one of the `ends` tags; returns them and that tag's tokens. */
  body(ends: string[]): { nodes: Node[]; end: Token[] | null } {
    const nodes: Node[] = [];
    while (this.i < this.chunks.length) {
      const chunk = this.chunks[this.i]!;
      this.i += 1;
      if (chunk.kind === 'text') nodes.push({ t: 'text', s: chunk.text });
      else if (chunk.kind === 'output') nodes.push({ t: 'out', e: parseExpression(chunk.tokens) });
      else {
        const keyword = chunk.tokens[0];
        if (keyword?.type !== 'name') throw new TemplateError('a tag starts with a keyword');
        if (ends.includes(keyword.value)) return { nodes, end: chunk.tokens };
        nodes.push(this.tag(keyword.value, chunk.tokens.slice(1)));
      }
    }
    if (ends.length > 0) throw new TemplateError(`missing "{% ${ends.at(-1)} %}"`);
    return { nodes, end: null };
  }

  private tag(keyword: string, tokens: Token[]): Node {
    if (keyword === 'if') return this.ifTag(tokens);
    if (keyword === 'for') return this.forTag(tokens);
    if (keyword === 'set') {
      const parser = new ExpressionParser(tokens);
      const n = parser.expectName();
      parser.expectOp('=');
      const e = parser.expression();
      parser.end();
      return { t: 'set', n, e };
    }
    throw new TemplateError(`unknown tag "${keyword}"`);
  }

  private ifTag(tokens: Token[]): Node {
    const branches: { test: Expr; body: Node[] }[] = [];
    let test = parseExpression(tokens);
    for (;;) {
      const { nodes, end } = this.body(['elif', 'else', 'endif']);
      branches.push({ test, body: nodes });
      const word = (end![0] as { value: string }).value;
      if (word === 'endif') return { t: 'if', branches, else: [] };
      if (word === 'else') return { t: 'if', branches, else: this.body(['endif']).nodes };
      test = parseExpression(end!.slice(1));
    }
  }

  private forTag(tokens: Token[]): Node {
    const parser = new ExpressionParser(tokens);
    const vars = [parser.expectName()];
    while (!parser.takeName('in')) {
      parser.expectOp(',');
      vars.push(parser.expectName());
    }
    const iter = parser.expression();
    parser.end();
    const { nodes, end } = this.body(['else', 'endfor']);
    const word = (end![0] as { value: string }).value;
    const otherwise = word === 'else' ? this.body(['endfor']).nodes : [];
    return { t: 'for', vars, iter, body: nodes, else: otherwise };
  }
}

export function parseTemplate(source: string): Node[] {
  return new TemplateParser(chunks(source)).body([]).nodes;
}

/**
 * What a TypeScript file reaches outside itself, read with the compiler's parser (not regexes, so
 * comments, strings and formatting cannot hide or fake an import): its import and re-export
 * declarations, `import()` and `require()` calls, and the ambient globals it touches.
 */
import { readFileSync } from 'node:fs';
import ts from 'typescript';

export interface ModuleUse {
  specifier: string;
  /** `import type` / `export type`, or every named binding marked `type`. */
  typeOnly: boolean;
  /** Named bindings (imported names, before any `as`); empty for default/namespace/side-effect. */
  names: string[];
  /** A namespace import, default import, side-effect import, `export *` or a call: names unknown. */
  wholeModule: boolean;
  line: number;
}

export interface GlobalUse {
  name: string;
  line: number;
}

/** Globals that reach the network, the environment or the file system, or load code. */
const GLOBALS = new Set([
  'process',
  'fetch',
  'require',
  'XMLHttpRequest',
  'WebSocket',
  'eval',
  'Function',
  'Deno',
  'Bun',
]);

export function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(
    file,
    readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TS,
  );
}

const lineOf = (sf: ts.SourceFile, node: ts.Node): number =>
  sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;

function fromImport(sf: ts.SourceFile, node: ts.ImportDeclaration): ModuleUse {
  const clause = node.importClause;
  const bindings = clause?.namedBindings;
  const named = bindings && ts.isNamedImports(bindings) ? bindings.elements : undefined;
  return {
    specifier: (node.moduleSpecifier as ts.StringLiteral).text,
    typeOnly: Boolean(
      clause?.isTypeOnly || (named && named.length > 0 && !clause?.name && named.every((e) => e.isTypeOnly)),
    ),
    names: named ? named.map((e) => (e.propertyName ?? e.name).text) : [],
    wholeModule: !clause || Boolean(clause.name) || !named,
    line: lineOf(sf, node),
  };
}

function fromExport(sf: ts.SourceFile, node: ts.ExportDeclaration): ModuleUse | undefined {
  if (!node.moduleSpecifier || !ts.isStringLiteral(node.moduleSpecifier)) return undefined;
  const named =
    node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
  return {
    specifier: node.moduleSpecifier.text,
    typeOnly: node.isTypeOnly || Boolean(named && named.length > 0 && named.every((e) => e.isTypeOnly)),
    names: named ? named.map((e) => (e.propertyName ?? e.name).text) : [],
    wholeModule: !named,
    line: lineOf(sf, node),
  };
}

function fromCall(sf: ts.SourceFile, node: ts.CallExpression): ModuleUse | undefined {
  const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
  const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
  if (!isImport && !isRequire) return undefined;
  const arg = node.arguments[0];
  const specifier = arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed specifier>';
  return { specifier, typeOnly: false, names: [], wholeModule: true, line: lineOf(sf, node) };
}

/** An identifier used as a value that names a global (not a property name, declaration or type). */
function globalUse(sf: ts.SourceFile, node: ts.Identifier): GlobalUse | undefined {
  if (!GLOBALS.has(node.text)) return undefined;
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return undefined;
  if (
    (ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) &&
    parent.name === node
  ) {
    return undefined;
  }
  if (ts.isTypeReferenceNode(parent) || ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent))
    return undefined;
  return { name: node.text, line: lineOf(sf, node) };
}

export function scan(sf: ts.SourceFile): { modules: ModuleUse[]; globals: GlobalUse[] } {
  const modules: ModuleUse[] = [];
  const globals: GlobalUse[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) modules.push(fromImport(sf, node));
    else if (ts.isExportDeclaration(node)) {
      const use = fromExport(sf, node);
      if (use) modules.push(use);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      const specifier = ts.isStringLiteral(expr) ? expr.text : '<computed specifier>';
      modules.push({
        specifier,
        typeOnly: node.isTypeOnly,
        names: [],
        wholeModule: true,
        line: lineOf(sf, node),
      });
    } else if (ts.isCallExpression(node)) {
      const use = fromCall(sf, node);
      if (use) modules.push(use);
    } else if (ts.isIdentifier(node)) {
      const use = globalUse(sf, node);
      if (use) globals.push(use);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return { modules, globals };
}

/** Names a module declares as exports (export const/function/interface/type/class). */
export function exportedNames(sf: ts.SourceFile): string[] {
  const names: string[] = [];
  for (const statement of sf.statements) {
    const exported =
      ts.canHaveModifiers(statement) &&
      ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations)
        if (ts.isIdentifier(d.name)) names.push(d.name.text);
    } else if ('name' in statement && statement.name && ts.isIdentifier(statement.name as ts.Node)) {
      names.push((statement.name as ts.Identifier).text);
    }
  }
  return names;
}

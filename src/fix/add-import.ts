import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import { walk } from '../ast/traverse';
import { SourceLayout } from './source-layout';
import type { TextEdit } from './text-edit';

/** How the file names the import: its local name, and the edit that adds it when it was missing. */
export type ImportResult = { readonly local: string; readonly edit?: TextEdit } | { readonly refusal: string };

function isRequireCall(node: TSESTree.Node | null | undefined, module?: string): node is TSESTree.CallExpression {
  if (!node) return false;
  const call = unwrapExpression(node);
  return (
    call.type === AST_NODE_TYPES.CallExpression &&
    call.callee.type === AST_NODE_TYPES.Identifier &&
    call.callee.name === 'require' &&
    call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
    (module === undefined || call.arguments[0].value === module)
  );
}

function isModuleSyntax(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ImportDeclaration ||
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    statement.type === AST_NODE_TYPES.ExportAllDeclaration
  );
}

/** `import`/`export` make an ES module; otherwise `require`/`module.exports` make CommonJS. */
function isCommonJs(ast: TSESTree.Program, source: string): boolean {
  if (ast.body.some(isModuleSyntax)) return false;
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w/.test(source);
}

/** The file's quote for module names: its imports' or requires', else its first string. */
function quoteOf(ast: TSESTree.Program, source: string): string {
  let quote: string | undefined;
  walk(ast, (node) => {
    if (quote) return false;
    if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
      const first = source[node.range[0]];
      if (first === "'" || first === '"') quote = first;
    }
    return undefined;
  });
  return quote ?? "'";
}

const SEMICOLON_STATEMENTS = new Set<string>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
]);

/** The file's habit, from its first statement that ends with a semicolon or without one. */
function usesSemicolons(ast: TSESTree.Program, source: string): boolean {
  let verdict: boolean | undefined;
  walk(ast, (node) => {
    if (verdict !== undefined) return false;
    const inForHeader = node.parent?.type === AST_NODE_TYPES.ForStatement || node.parent?.type === AST_NODE_TYPES.ForOfStatement || node.parent?.type === AST_NODE_TYPES.ForInStatement;
    if (SEMICOLON_STATEMENTS.has(node.type) && !inForHeader && !(node.type === AST_NODE_TYPES.ExpressionStatement && node.directive)) {
      verdict = source.slice(node.range[0], node.range[1]).trimEnd().endsWith(';');
    }
    return undefined;
  });
  return verdict ?? true;
}

/** A module-level name other than an import of `module`.`name`: the import would clash with it. */
function clashes(ast: TSESTree.Program, name: string): boolean {
  for (const statement of ast.body) {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (!declaration) continue;
    if (
      (declaration.type === AST_NODE_TYPES.FunctionDeclaration || declaration.type === AST_NODE_TYPES.ClassDeclaration) &&
      declaration.id?.name === name
    ) {
      return true;
    }
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      let found = false;
      for (const declarator of declaration.declarations) {
        walk(declarator.id, (node) => {
          if (node.type === AST_NODE_TYPES.Identifier && node.name === name) found = true;
        });
      }
      if (found) return true;
    }
    if (declaration.type === AST_NODE_TYPES.ImportDeclaration && declaration.specifiers.some((specifier) => specifier.local.name === name)) {
      return true;
    }
  }
  return false;
}

function existingEsmImport(ast: TSESTree.Program, module: string, name: string): string | undefined {
  for (const statement of ast.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== module || statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      if (imported === name) return specifier.local.name;
    }
  }
  return undefined;
}

function existingRequire(ast: TSESTree.Program, module: string, name: string): string | undefined {
  for (const statement of ast.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (!isRequireCall(declarator.init, module) || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
      for (const property of declarator.id.properties) {
        if (
          property.type === AST_NODE_TYPES.Property &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === name &&
          property.value.type === AST_NODE_TYPES.Identifier
        ) {
          return property.value.name;
        }
      }
    }
  }
  return undefined;
}

/** Where a new import line goes: after the last top-level import/require, else before the first statement. */
function insertionPoint(ast: TSESTree.Program, layout: SourceLayout, commonJs: boolean): { offset: number; after?: TSESTree.Node } {
  const imports = ast.body.filter((statement) =>
    commonJs
      ? statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.some((declarator) => isRequireCall(declarator.init))
      : statement.type === AST_NODE_TYPES.ImportDeclaration,
  );
  const last = imports[imports.length - 1];
  if (last) return { offset: layout.lineEnd(last.range[1]), after: last };
  // After 'use strict' and other directives.
  const first = ast.body.find((statement) => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
  return { offset: first ? layout.lineStart(first.range[0]) : layout.text.length };
}

/**
 * Makes `name` from `module` available at module level, the way the file already imports: a named
 * ES import (merged into an existing import of the module) or a destructured `require` in CommonJS,
 * with the file's quotes, semicolons and line endings.
 */
export function importNamed(ast: TSESTree.Program, source: string, module: string, name: string): ImportResult {
  const commonJs = isCommonJs(ast, source);
  const existing = commonJs ? existingRequire(ast, module, name) : existingEsmImport(ast, module, name);
  if (existing) return { local: existing };
  if (clashes(ast, name)) return { refusal: `this file already declares \`${name}\`; import it from '${module}' under that name first` };
  const layout = new SourceLayout(source);
  const quote = quoteOf(ast, source);
  if (!commonJs) {
    const merge = ast.body.find(
      (statement): statement is TSESTree.ImportDeclaration =>
        statement.type === AST_NODE_TYPES.ImportDeclaration &&
        statement.source.value === module &&
        statement.importKind !== 'type' &&
        statement.specifiers.some((specifier) => specifier.type === AST_NODE_TYPES.ImportSpecifier),
    );
    const lastSpecifier = merge?.specifiers[merge.specifiers.length - 1];
    if (lastSpecifier) return { local: name, edit: { range: [lastSpecifier.range[1], lastSpecifier.range[1]], text: `, ${name}` } };
  }
  const { offset, after } = insertionPoint(ast, layout, commonJs);
  const semicolon = usesSemicolons(ast, source) ? ';' : '';
  const statement = commonJs
    ? `const { ${name} } = require(${quote}${module}${quote})${semicolon}`
    : `import { ${name} } from ${quote}${module}${quote}${semicolon}`;
  return { local: name, edit: { range: [offset, offset], text: after ? `${layout.eol}${statement}` : `${statement}${layout.eol}${layout.eol}` } };
}

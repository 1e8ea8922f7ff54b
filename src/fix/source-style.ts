import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { walk } from '../ast/traverse';

/**
 * The file's habits that emitted code must keep (DESIGN: "Emitted code keeps the file's module system,
 * quotes and semicolons"), decided once for every codemod.
 */

function isModuleSyntax(statement: TSESTree.ProgramStatement): boolean {
  return (
    statement.type === AST_NODE_TYPES.ImportDeclaration ||
    statement.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ||
    statement.type === AST_NODE_TYPES.ExportAllDeclaration
  );
}

/** `import`/`export` make an ES module; otherwise `require`/`module.exports`/`exports.x` make CommonJS; neither: ESM. */
export function moduleSystemOf(ast: TSESTree.Program, source: string): 'esm' | 'commonjs' {
  if (ast.body.some(isModuleSyntax)) return 'esm';
  return /\brequire\s*\(|\bmodule\.exports\b|\bexports\.\w/.test(source) ? 'commonjs' : 'esm';
}

const SEMICOLON_STATEMENTS = new Set<string>([
  AST_NODE_TYPES.ImportDeclaration,
  AST_NODE_TYPES.VariableDeclaration,
  AST_NODE_TYPES.ExpressionStatement,
  AST_NODE_TYPES.ReturnStatement,
  AST_NODE_TYPES.ThrowStatement,
]);

/** The file's habit, from its first statement that ends with a semicolon or without one; none: semicolons. */
export function usesSemicolons(ast: TSESTree.Program, source: string): boolean {
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

/** The file's quote for module names: its imports' or requires', else its first string. */
export function quoteOf(ast: TSESTree.Program, source: string): string {
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

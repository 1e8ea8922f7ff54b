import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { findVariable, type VariableLike } from '../ast/scopes';

type TopLevelFunctionNode = TSESTree.FunctionDeclaration | TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression;

/**
 * The function `callee` names when it is declared once, as a statement of the program itself (or
 * under its `export`): `function f() {}` or `const f = () => …` / `const f = function () {}`. A
 * CommonJS script's top-level functions live in the global scope, an ES module's in the module
 * scope; both count.
 */
export function topLevelFunction(
  analysis: Analysis,
  callee: TSESTree.Identifier,
): { variable: VariableLike; fn: TopLevelFunctionNode; exported: boolean } | undefined {
  const variable = findVariable(analysis.scopeManager, callee);
  if (!variable || (variable.scope.type !== 'module' && variable.scope.type !== 'global') || variable.defs.length !== 1) return undefined;
  const declared = variable.defs[0].node;
  const fn =
    declared.type === AST_NODE_TYPES.FunctionDeclaration
      ? declared
      : declared.type === AST_NODE_TYPES.VariableDeclarator && declared.parent.kind === 'const' && (declared.init?.type === AST_NODE_TYPES.ArrowFunctionExpression || declared.init?.type === AST_NODE_TYPES.FunctionExpression)
        ? declared.init
        : undefined;
  const statement = declared.type === AST_NODE_TYPES.FunctionDeclaration ? declared : declared.parent;
  const exported = statement?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration;
  const atTop = (exported ? statement.parent?.parent : statement?.parent)?.type === AST_NODE_TYPES.Program;
  return fn && atTop ? { variable, fn, exported } : undefined;
}

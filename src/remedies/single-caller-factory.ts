import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { type FunctionNode } from '../ast/predicates';
import { topLevelFunction } from './top-level-functions';
import { walk, type Node } from '../ast/traverse';

/**
 * `req.knex = getDatabaseForRequest(req)` with `function getDatabaseForRequest(req) { const tenant =
 * …; return Knex({ … database: \`tenant_${tenant}\` … }) }` at module level: the client is made in a
 * factory of this file whose one caller is the site. The factory can keep the clients it makes (one
 * per key) and return the kept one: nothing else calls it, so nothing else could close or expect a
 * fresh client. A function declared once at the top of the module (not exported), called only
 * at `call`, whose body ends with its only `return` of a client it makes there. The factory and the
 * returned expression, or undefined.
 */
export function singleCallerFactory(analysis: Analysis, call: Node): { factory: FunctionNode; made: TSESTree.NewExpression | TSESTree.CallExpression } | undefined {
  const factory = calledOnlyHere(analysis, call);
  if (!factory || factory.generator || factory.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const last = factory.body.body[factory.body.body.length - 1];
  const made = last?.type === AST_NODE_TYPES.ReturnStatement ? last.argument : undefined;
  if (made?.type !== AST_NODE_TYPES.NewExpression && made?.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (returnCount(factory.body) !== 1) return undefined;
  return { factory, made };
}

/** The `return`s of the function itself (not of functions nested in it). */
function returnCount(body: TSESTree.BlockStatement): number {
  let count = 0;
  walk(body, (node) => {
    if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.ArrowFunctionExpression) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement) count++;
    return undefined;
  });
  return count;
}

/**
 * The function `call` calls, when it is declared once at the top of the module, not exported, and
 * `call` is its only use: nothing else could close what it returns or expect a fresh one.
 */
export function calledOnlyHere(analysis: Analysis, call: Node): FunctionNode | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const found = topLevelFunction(analysis, call.callee);
  if (!found) return undefined;
  const { variable } = found;
  const uses = variable.references.filter((reference) => !reference.init && reference.identifier !== variable.defs[0].name);
  // Exported (`export function`, `module.exports = { f }`) or called elsewhere: other callers.
  return found.exported || uses.length !== 1 || uses[0].identifier !== call.callee ? undefined : found.fn;
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunction, unwrapExpression, type FunctionNode } from './predicates';
import { findVariable, type ScopeManagerLike } from './scopes';
import type { Node } from './traverse';

/**
 * The function a callback argument is: written in place, or a local function passed by name
 * (`pool.connect(connected)` with `function connected(err, db, done) { … }` below it) that is never
 * reassigned and passed nowhere else — then it is that call's callback and nothing else's.
 */
export function callbackFunction(argument: TSESTree.CallExpressionArgument | undefined, scopeManager: ScopeManagerLike): FunctionNode | undefined {
  if (!argument) return undefined;
  if (isFunction(argument)) return argument;
  if (argument.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(scopeManager, argument);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition) return undefined;
  const declared: Node | null | undefined =
    definition.node.type === AST_NODE_TYPES.FunctionDeclaration
      ? definition.node
      : definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.id === definition.name
        ? definition.node.init && unwrapExpression(definition.node.init)
        : undefined;
  if (!declared || !isFunction(declared)) return undefined;
  const uses = variable.references.filter((reference) => !reference.init);
  return uses.length === 1 && uses[0].identifier === argument && !uses[0].isWrite() ? declared : undefined;
}

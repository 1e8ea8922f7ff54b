import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper } from '../ast/predicates';
import type { VariableLike } from '../ast/scopes';

/**
 * A local a function hands over in one place (`handedOver`) and otherwise only calls its own methods
 * on (`client.connect()`, `client.on('error', …)`, `client.db(…)`) or tests for presence: nothing
 * else can be keeping it, so the one hand-over decides who owns it. A store, an alias or another
 * call it is passed to (a cache: `clients.push(client)`) says someone else may.
 */
export function usedOnlyThroughOwnMethods(variable: VariableLike, handedOver: TSESTree.Identifier): boolean {
  return variable.references.every((reference) => {
    if (reference.init || reference.identifier === handedOver) return true;
    if (reference.isWrite()) return false;
    const value = outermostWrapper(reference.identifier);
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.UnaryExpression || parent?.type === AST_NODE_TYPES.LogicalExpression) return true;
    return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value && outermostWrapper(parent).parent?.type === AST_NODE_TYPES.CallExpression;
  });
}

import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/**
 * The expression that produces an acquired value: `await open(p)` rather than the `open(p)` inside
 * it (a promise of a handle is not the handle), or a bare call or `new`.
 */
export function isAcquisitionCandidate(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.AwaitExpression) {
    const argument = node.argument;
    return argument.type === AST_NODE_TYPES.CallExpression || argument.type === AST_NODE_TYPES.NewExpression;
  }
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    return outermostWrapper(node).parent?.type !== AST_NODE_TYPES.AwaitExpression;
  }
  return false;
}

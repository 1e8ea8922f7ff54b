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
  // `super(options)` initialises the object under construction: it acquires nothing of its own (a
  // subclass of http.Agent was reported as "a new HTTP agent on every run of `constructor`").
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Super) return false;
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
    return outermostWrapper(node).parent?.type !== AST_NODE_TYPES.AwaitExpression;
  }
  return false;
}

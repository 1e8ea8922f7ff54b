import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/**
 * `options.publisher ?? createClient({ url })` (or `||`): the client is made only when the caller
 * passed none. Returns what the caller may pass (`options.publisher`), or undefined when the
 * acquisition is no such fallback. A fallback inside a conditional branch is not one: which client
 * is made there depends on more than the caller's.
 */
export function callerFallbackOf(acquisition: Node): Node | undefined {
  const held = outermostWrapper(acquisition);
  const parent = held.parent;
  if (parent?.type !== AST_NODE_TYPES.LogicalExpression || (parent.operator !== '??' && parent.operator !== '||') || parent.right !== held) return undefined;
  return parent.left;
}

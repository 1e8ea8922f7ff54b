import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/**
 * `const redis = useTls ? createClient(tlsOptions) : createClient(plainOptions)`: an acquisition in
 * a branch of a conditional is held by whatever holds the conditional's value. Returns that outermost
 * conditional, or `acquisition` itself when it is no branch of one.
 */
export function conditionalHolder(acquisition: Node): Node {
  let held = outermostWrapper(acquisition);
  for (let parent = held.parent; parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== held; parent = held.parent) {
    held = outermostWrapper(parent);
  }
  return held;
}

/**
 * `const publisher = options.publisher ?? createClient({ url })` (or `||`): a client made only when
 * the caller passed none. When it is made, this code owns it exactly as if it stood alone, and it is
 * held by whatever holds the whole expression. Returns that expression, or `acquisition` itself when
 * it is no such default.
 */
export function defaultedHolder(acquisition: Node): Node {
  let held = outermostWrapper(acquisition);
  for (
    let parent = held.parent;
    parent?.type === AST_NODE_TYPES.LogicalExpression && (parent.operator === '??' || parent.operator === '||') && parent.right === held;
    parent = held.parent
  ) {
    held = outermostWrapper(parent);
  }
  return held;
}

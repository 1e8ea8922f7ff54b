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

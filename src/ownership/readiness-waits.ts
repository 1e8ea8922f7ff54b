import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/** `Promise.all([…])` holding `array`: the combinator call, else undefined. */
function combinatorOf(array: Node): Node | undefined {
  const call = outermostWrapper(array).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== outermostWrapper(array)) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(callee.object).type !== AST_NODE_TYPES.Identifier) return undefined;
  const receiver = unwrapExpression(callee.object) as { name: string };
  const method = staticPropertyName(callee);
  return receiver.name === 'Promise' && method !== undefined && COMBINATORS.has(method) ? call : undefined;
}

/** `await x;` as a statement of its own: the value is waited for and dropped. */
function isAwaitedAndDropped(value: Node): boolean {
  const wait = outermostWrapper(value).parent;
  return wait?.type === AST_NODE_TYPES.AwaitExpression && outermostWrapper(wait).parent?.type === AST_NODE_TYPES.ExpressionStatement;
}

/**
 * `const ready = Promise.all([publisher.isOpen ? null : publisher.connect(), …])` followed only by
 * `await ready;`: the promise of a client's own `connect()` kept to wait until it is ready. The
 * promise resolves to the client, but nobody reads what it resolves to: the client stays with the
 * code that made it (a readiness wait lends nothing).
 */
export function isReadinessWait(value: Node, scopeManager: ScopeManagerLike): boolean {
  let held = outermostWrapper(value);
  for (let parent = held.parent; parent?.type === AST_NODE_TYPES.ConditionalExpression && parent.test !== held; parent = held.parent) {
    held = outermostWrapper(parent);
  }
  if (held.parent?.type === AST_NODE_TYPES.ArrayExpression) {
    const combinator = combinatorOf(held.parent);
    if (!combinator) return false;
    held = outermostWrapper(combinator);
  }
  const parent = held.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return true;
  if (isAwaitedAndDropped(held)) return true;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator || parent.init !== held || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = scopeManager.getDeclaredVariables(parent).find((candidate) => candidate.name === (parent.id as { name: string }).name);
  const uses = variable?.references.filter((reference) => !reference.init) ?? [];
  return uses.length > 0 && uses.every((reference) => isAwaitedAndDropped(reference.identifier));
}

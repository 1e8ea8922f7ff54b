import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/** Events whose listeners run only when something failed. */
const FAILURE_EVENTS = new Set(['error', 'failed', 'timeout', 'abort']);

/**
 * `promise.catch(() => …)`, `promise.then(ok, () => …)`, `emitter.on('error', () => …)`: a callback
 * that runs only when the work failed.
 */
function isFailureCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  const index = call.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
  if (method === 'catch') return index === 0;
  if (method === 'then') return index === 1;
  if (method === 'on' || method === 'once' || method === 'addListener' || method === 'addEventListener') {
    const event = call.arguments[0];
    return index === 1 && event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && FAILURE_EVENTS.has(event.value);
  }
  return false;
}

/**
 * A delete that runs only when something failed: in a `catch` clause of its function, or in a
 * callback that runs only on failure (`.catch(…)`, `.then(…, onRejected)`, an `'error'` listener).
 * Entries whose work succeeds are never removed, so such a delete bounds nothing: a promise cache
 * that forgets failed lookups and keeps every successful one, a lease cache pruned only on a denied
 * quota or a rejected renewal (open-cowork's worker, #908).
 */
export function deletesOnlyOnFailure(site: Node): boolean {
  for (let current: Node | undefined = site.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
    if (isFunction(current)) return isFailureCallback(current);
  }
  return false;
}

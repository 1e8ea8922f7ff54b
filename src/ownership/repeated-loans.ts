import { AST_NODE_TYPES } from '../ast/node-types';
import { isLoop } from '../ast/loops';
import { enclosingFunction, isFunction, isInside } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

/**
 * `for (const item of items) await action.run(item, client)`: a value made before a loop and passed
 * to a call on every iteration is lent to that call, not handed over — ownership can change hands
 * once, and a callee that kept the value would be given it again next time round. The function that
 * made the value is still its owner, and must end it (n8n's IMAP node connected a client per
 * execution and passed it to each item's action, never logging it out).
 *
 * Only a loop statement of the function itself, between the value's declaration and the call.
 */
export function lentOnEveryIteration(reference: Node, call: Node, scopeManager: ScopeManagerLike): boolean {
  if (reference.type !== AST_NODE_TYPES.Identifier) return false;
  const definition = findVariable(scopeManager, reference)?.defs[0];
  if (!definition) return false;
  const owner = enclosingFunction(call);
  if (enclosingFunction(definition.name) !== owner) return false;
  for (let current: Node | undefined = call.parent; current && current !== owner; current = current.parent) {
    if (isFunction(current)) return false;
    if (isLoop(current)) return !isInside(definition.name, current);
  }
  return false;
}

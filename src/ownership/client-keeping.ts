import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import type { RequestScopeOracle } from '../lifetime/execution';
import { isStoredOnRequest } from '../lifetime/request-objects';
import type { EscapeReason } from './handle-usage';

/**
 * `client.on('error', log)`: an error listener only watches a client. A stream lives on in its data
 * listeners, but a client stays connected whether anyone listens to its errors or not, so wiring one
 * up hands nothing over.
 */
function isErrorListener(value: Node): boolean {
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return false;
  const method = staticPropertyName(member);
  const call = outermostWrapper(member).parent;
  if (method === undefined || !isEmitterListenerMethod(method) || call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const event = call.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && event.value === 'error';
}

/**
 * The hand-offs after which a function still owns a client it created: an error listener on it, and
 * hanging it on the request the function serves (`req.redisClient = client`, see request-objects).
 */
export function clientOwnerKeeps(owner: FunctionNode, scopeManager: ScopeManagerLike, oracle: RequestScopeOracle) {
  return (value: Node, reason: EscapeReason): boolean =>
    (reason === 'handed to its listeners' && isErrorListener(value)) || (reason === 'stored' && isStoredOnRequest(value, owner, scopeManager, oracle));
}

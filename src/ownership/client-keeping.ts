import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import type { RequestScopeOracle } from '../lifetime/execution';
import { isStoredOnRequest } from '../lifetime/request-objects';
import type { EscapeReason } from './handle-usage';

/**
 * Events about a client's connection, not its data: `error`, `connect`, `ready`, `close` … A listener
 * for one only watches the connection (a client stays connected whether anyone listens or not); a
 * data listener (`message`, `data`) is how an event-driven client is used afterwards, and it lives on
 * in that listener.
 */
const CONNECTION_EVENTS = new Set(['error', 'connect', 'connected', 'ready', 'reconnect', 'reconnecting', 'end', 'close', 'disconnect', 'disconnected', 'offline', 'warning']);

/**
 * `client.on('error', log)`, `client.on('ready', …)`: a listener for the client's own connection
 * events only watches it. A stream lives on in its data listeners, but a client stays connected
 * whether anyone listens to its connection's events or not, so wiring one up hands nothing over.
 */
function isConnectionListener(value: Node): boolean {
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return false;
  const method = staticPropertyName(member);
  const call = outermostWrapper(member).parent;
  if (method === undefined || !isEmitterListenerMethod(method) || call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const event = call.arguments[0];
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && CONNECTION_EVENTS.has(event.value);
}

/**
 * The hand-offs after which a function still owns a client it created: an error listener on it, and
 * hanging it on the request the function serves (`req.redisClient = client`, see request-objects).
 */
export function clientOwnerKeeps(owner: FunctionNode, scopeManager: ScopeManagerLike, oracle: RequestScopeOracle) {
  return (value: Node, reason: EscapeReason): boolean =>
    (reason === 'handed to its listeners' && isConnectionListener(value)) || (reason === 'stored' && isStoredOnRequest(value, owner, scopeManager, oracle));
}

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
 * `ws.on('open', () => ws.send(m))`, `sub.on('message', onMessage)`: a listener attached to the client
 * itself. Unlike a stream's data listener, which hands the stream to whoever reads it and ends with its
 * source, the client's listeners live exactly as long as the client and keep no one else's reference
 * to it: nothing but this function (or those listeners, which are its own code) can end it. What the
 * listeners do with the client is judged as for any other reference (a close there is a close in a
 * callback; handing it on from there is a hand-off).
 */
function isOwnListener(value: Node): boolean {
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return false;
  const method = staticPropertyName(member);
  const call = outermostWrapper(member).parent;
  return method !== undefined && isEmitterListenerMethod(method) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(member);
}

/**
 * `useEffect(() => …, [room, supabase])`: a React hook's dependency list. React keeps the list only to
 * compare it with the next render's; it neither uses nor ends what it lists, so listing a client
 * there hands it to no one (supabase-js#2590: a client made on every render, listed in the effect's
 * dependencies, re-ran the effect on every render until the browser ran out of WebSockets).
 */
function isHookDependency(value: Node): boolean {
  const list = value.parent;
  if (list?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  const call = outermostWrapper(list).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[call.arguments.length - 1] !== outermostWrapper(list) || call.arguments.length < 2) return false;
  const callee = call.callee.type === AST_NODE_TYPES.MemberExpression ? call.callee.property : call.callee;
  return callee.type === AST_NODE_TYPES.Identifier && /^use[A-Z]/.test(callee.name);
}

/**
 * The hand-offs after which a function still owns a client it created: a listener attached to the
 * client (its connection events, or its data: see isOwnListener), listing it among a React hook's
 * dependencies, and hanging it on the request the function serves (`req.redisClient = client`, see
 * request-objects).
 */
export function clientOwnerKeeps(owner: FunctionNode, scopeManager: ScopeManagerLike, oracle: RequestScopeOracle) {
  return (value: Node, reason: EscapeReason): boolean =>
    (reason === 'handed to its listeners' && (isConnectionListener(value) || isOwnListener(value))) ||
    (reason === 'stored' && (isHookDependency(value) || isStoredOnRequest(value, owner, scopeManager, oracle)));
}

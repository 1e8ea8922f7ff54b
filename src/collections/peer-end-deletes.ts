import { AST_NODE_TYPES } from '../ast/node-types';
import { functionName } from '../ast/function-name';
import { enclosingFunction, isFunction, isInside, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import { armsATimer } from './answered-entries';
import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';

/** Events that say a peer is gone: its socket, process or stream ended. */
const END_EVENTS = new Set(['close', 'end', 'disconnect', 'exit']);
const SUBSCRIBE = new Set(['on', 'once', 'addListener', 'addEventListener']);

/**
 * `this.pendingChanges.set(randomUUID(), change)`, deleted when a client's message names the id
 * (`this.pendingChanges.delete(message.id)`), in a class that listens for its clients leaving
 * (`ws.on('close', () => this.clients.delete(ws))`) and removes nothing of it there: an entry waits
 * for an answer from a peer, and a peer that left never answers (nanocoder's VS Code bridge, #170).
 * Without a timer the answer is the entry's only end the code handles; the end it watches — the
 * peer going — is the other, and it leaves the entries behind. A pending map with no end listener in
 * its class (or, module-level, its file) is taken as complete, as before: a protocol that always answers.
 */
export function answeredButPeersLeave(keyedDelete: CollectionUse, uses: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  const growth = uses.filter((use) => use.kind === 'grow');
  if (growth.length === 0 || !growth.every((use) => use.key !== undefined && keyOrigins.of(use.key) === 'generated')) return false;
  if (keyOrigins.of(keyedDelete.key) === 'generated' || growth.some((use) => armsATimer(use.site))) return false;
  const listeners = endListeners(scopeOf(growth[0].site));
  const shrinks = uses.filter((use) => use.kind === 'shrink');
  return listeners.length > 0 && listeners.every((listener) => !shrinks.some((shrink) => isInside(shrink.site, listener) || callsTheMethodOf(listener, shrink.site)));
}

/** `ws.on('close', () => this.dropPeer(ws))`, where `dropPeer` removes entries: the listener removes them. */
function callsTheMethodOf(listener: Node, site: Node): boolean {
  const fn = enclosingFunction(site);
  const name = fn && functionName(fn);
  if (name === undefined) return false;
  let found = false;
  walk(listener, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && node.callee.object.type === AST_NODE_TYPES.ThisExpression && staticPropertyName(node.callee) === name) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** The class the growth is in (its instances' code), or the file. */
function scopeOf(site: Node): Node {
  let current: Node = site;
  while (current.parent) {
    if (current.type === AST_NODE_TYPES.ClassBody) return current;
    current = current.parent;
  }
  return current;
}

/** `x.on('close', fn)` and the like: the listener functions written inline. */
function endListeners(scope: Node): Node[] {
  const found: Node[] = [];
  walk(scope, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const method = staticPropertyName(node.callee);
    const [event, listener] = node.arguments;
    if (method && SUBSCRIBE.has(method) && event?.type === AST_NODE_TYPES.Literal && END_EVENTS.has(String(event.value)) && listener && isFunction(listener) && !isOwnConnection(node.callee.object)) found.push(listener);
    return undefined;
  });
  return found;
}

/**
 * `this.connection.on('close', …)`: the end of the one connection the instance keeps (a client's
 * link to its server, redialled on close), not of one of many peers that come and go. What waits
 * for an answer when it drops is what was in flight then, not an entry per peer ever served
 * (node-red-contrib-flexradio's radio link).
 */
function isOwnConnection(receiver: Node): boolean {
  const target = unwrapExpression(receiver);
  return target.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(target.object).type === AST_NODE_TYPES.ThisExpression;
}

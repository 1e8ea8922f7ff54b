import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import { sameExpression } from './self-limiting-growth';

/** Events that say a connection, socket, process or stream is gone. */
const END_EVENTS = new Set(['close', 'end', 'disconnect', 'exit', 'finish']);
const SUBSCRIBE = new Set(['on', 'once', 'addListener', 'addEventListener']);

/** What a growth puts in: `set.add(v)`, `array.push(v)`, `map.set(k, v)`. */
function grownValue(growth: CollectionUse): Node | undefined {
  const site = growth.site;
  if (site.type !== AST_NODE_TYPES.CallExpression) return undefined;
  return site.arguments[growth.operation === 'set' ? 1 : 0];
}

/**
 * `this.websockets.add(client.ws); client.ws.on('close', () => this.onDisconnect(client))`: the code
 * puts a connection in and listens for its end in the same function — so it knows when the entry is
 * dead — and nothing ever takes it out. Each connection that comes and goes (a reconnect, a rejoin)
 * stays, however long the holder lives: judged whatever the instance's lifetime.
 */
export function keepsWhatItSeesEnd(growth: CollectionUse): boolean {
  return endListenerOf(growth) !== undefined;
}

/** The `<value>.on('close', …)` call that watches the end of what a growth puts in, in the growth's function. */
export function endListenerOf(growth: CollectionUse): TSESTree.CallExpression | undefined {
  const value = grownValue(growth);
  const fn = enclosingFunction(growth.site);
  if (!value || !fn) return undefined;
  const element = unwrapExpression(value);
  if (element.type !== AST_NODE_TYPES.Identifier && element.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let found: TSESTree.CallExpression | undefined;
  walk(fn.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const event = node.arguments[0];
    const method = staticPropertyName(node.callee);
    if (method && SUBSCRIBE.has(method) && event?.type === AST_NODE_TYPES.Literal && END_EVENTS.has(String(event.value)) && sameExpression(node.callee.object, element)) found = node;
    return found ? false : undefined;
  });
  return found;
}

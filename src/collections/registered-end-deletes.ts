import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';

const SUBSCRIBE = new Set(['on', 'once', 'addListener', 'addEventListener']);

/** The growth that registers no end for what it adds, and what the registering site listens for. */
export interface UnregisteredGrowth {
  /** A growth statement (`this._index.set(user.id, user)`) whose value gets no end listener. */
  readonly growth: CollectionUse;
  /** The value it adds, by name (`user`), and the event the other site listens for on its value (`destroy`). */
  readonly value: string;
  readonly event: string;
}

/** `user.once('destroy', () => …)` around `site`: the subscription and the value it listens on. */
function endSubscription(site: Node): { call: TSESTree.CallExpression; target: string; event: string } | undefined {
  const listener = enclosingFunction(site);
  const call = listener?.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== listener) return undefined;
  const callee = unwrapExpression(call.callee);
  const event = call.arguments[0];
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !SUBSCRIBE.has(staticPropertyName(callee) ?? '')) return undefined;
  const target = unwrapExpression(callee.object);
  if (target.type !== AST_NODE_TYPES.Identifier || event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string') return undefined;
  return { call, target: target.name, event: event.value };
}

/** The value a growth adds: `set(k, v)`'s `v`, `push(v)`/`add(v)`'s `v`, `r[k] = v`'s `v`. */
function addedValue(growth: CollectionUse): Node | undefined {
  const site = growth.site;
  if (site.type === AST_NODE_TYPES.CallExpression) return site.arguments[growth.operation === 'set' ? 1 : 0];
  if (site.type === AST_NODE_TYPES.AssignmentExpression) return site.right;
  return undefined;
}

function mentions(node: Node, name: string): boolean {
  let found = false;
  walk(node, (inner) => {
    if (found) return false;
    if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) found = true;
    return undefined;
  });
  return found;
}

/** Whether `fn` subscribes an end listener, on anything, whose body removes from the collection. */
function registersARemoval(fn: FunctionNode, shrinks: readonly CollectionUse[]): boolean {
  return shrinks.some((shrink) => {
    const subscription = endSubscription(shrink.site);
    return subscription !== undefined && enclosingFunction(subscription.call) === fn;
  });
}

/**
 * `add(user) { index.set(user.id, user); user.once('destroy', () => index.delete(user.id)) }` and,
 * elsewhere, `get(id) { … index.set(user.id, user) }` with no such listener (playnetwork's users
 * index: remote users added by `get()` stayed after they were destroyed). Every keyed delete of the
 * collection runs in an end listener that a growing function registers on the value it adds; a
 * growth in another function registers none, so what it adds never leaves. That growth, when its
 * value is a name a listener can be registered on.
 */
export function growthWithoutRegisteredEnd(shrink: CollectionUse, uses: readonly CollectionUse[]): UnregisteredGrowth | undefined {
  const shrinks = uses.filter((use) => use.kind === 'shrink');
  const subscription = endSubscription(shrink.site);
  if (!subscription) return undefined;
  const registering = enclosingFunction(subscription.call);
  if (!registering) return undefined;
  // Each delete sits in such a listener.
  if (!shrinks.every((other) => endSubscription(other.site) !== undefined)) return undefined;
  const growth = uses.filter((use) => use.kind === 'grow');
  const registered = growth.filter((use) => enclosingFunction(use.site) === registering && mentions(addedValue(use) ?? use.site, subscription.target));
  if (registered.length === 0) return undefined;
  for (const use of growth) {
    const fn = enclosingFunction(use.site);
    if (!fn || fn === registering || registersARemoval(fn, shrinks)) continue;
    const value = addedValue(use);
    const valueNode = value ? unwrapExpression(value) : undefined;
    if (valueNode?.type !== AST_NODE_TYPES.Identifier) continue;
    // A growth nested in a callback of the registering function is that function's.
    if (isFunction(fn) && isInsideNode(fn, registering)) continue;
    return { growth: use, value: valueNode.name, event: subscription.event };
  }
  return undefined;
}

function isInsideNode(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

import type { TSESTree } from '@typescript-eslint/utils';
import { callSitesOf } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike, VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { slotKey } from './client-slots';

/**
 * `this.clients.set(name, client)`: a client kept under a key in a long-lived map (a field of the
 * instance, a module variable). Like a plain slot, the map outlives the call; a second client stored
 * under the same key replaces the first, which nobody can close any more.
 */
export interface KeyedClientSlot {
  /** The `set` call that stores the client. */
  readonly store: TSESTree.CallExpression;
  /** The map as code writes it: `this.clients`. */
  readonly text: string;
}

const LOOKUPS = new Set(['get', 'has']);

/** `<map>.<method>(…)` where `<map>` is the slot `key`: the method's name. */
function slotMethod(node: Node, key: string, scopeManager: ScopeManagerLike): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrapExpression(node.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || slotKey(callee.object, scopeManager) !== key) return undefined;
  return staticPropertyName(callee);
}

/** The keyed slot the client in `variable` is stored in by its own function, if any. */
export function keyedClientSlotOf(variable: VariableLike, owner: FunctionNode, scopeManager: ScopeManagerLike): KeyedClientSlot | undefined {
  for (const reference of variable.references) {
    const value = outermostWrapper(reference.identifier);
    const store = value.parent;
    if (store?.type !== AST_NODE_TYPES.CallExpression || store.arguments[1] !== value || enclosingFunction(store) !== owner) continue;
    const callee = unwrapExpression(store.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'set') continue;
    const text = slotKey(callee.object, scopeManager);
    if (text !== undefined) return { store, text };
  }
  return undefined;
}

/** Whether `fn` looks the map up (`get`/`has`) before `before`. */
function looksUpFirst(fn: FunctionNode, slot: KeyedClientSlot, before: Node, scopeManager: ScopeManagerLike): boolean {
  let found = false;
  walkSameFunction(fn.body, (node) => {
    if (found || node.range[0] >= before.range[0]) return false;
    if (LOOKUPS.has(slotMethod(node, slot.text, scopeManager) ?? '')) found = true;
    return undefined;
  });
  return found;
}

/**
 * The call that reaches the store without looking the key up first, while the module elsewhere does
 * look it up before creating (`this.clients.get(name) || this.create(name)`): the map is meant as a
 * get-or-create cache, and this path bypasses it, replacing the cached client on every call
 * (nestjs-grpc-helper's `getService` called `createClientByServiceName` directly). Undefined when the
 * creating function looks the key up itself, when every caller does, or when nothing in the file
 * calls it (its callers elsewhere are not ours to judge).
 */
export function bypassingCaller(
  slot: KeyedClientSlot,
  owner: FunctionNode,
  calls: readonly TSESTree.CallExpression[],
  scopeManager: ScopeManagerLike,
): TSESTree.CallExpression | undefined {
  if (looksUpFirst(owner, slot, slot.store, scopeManager)) return undefined;
  const sites = callSitesOf(owner, scopeManager, calls);
  const guarded = sites.filter((call) => {
    const caller = enclosingFunction(call);
    return caller !== undefined && looksUpFirst(caller, slot, call, scopeManager);
  });
  if (guarded.length === 0) return undefined;
  return sites.find((call) => !guarded.includes(call) && enclosingFunction(call) !== undefined && !isConstructorCode(enclosingFunction(call)!));
}

function isConstructorCode(fn: FunctionNode): boolean {
  const holder = fn.parent;
  return holder?.type === AST_NODE_TYPES.MethodDefinition && holder.kind === 'constructor';
}

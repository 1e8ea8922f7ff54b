import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { memberName, referenceKey } from './reference-keys';
import { clearedHandle } from './timer-calls';

/**
 * Where the file releases long-lived work: the timer handles it clears and the listeners it removes,
 * by the key of what they name (see reference-keys). A handle is released on a cleanup path when a
 * clear of the same slot exists anywhere in the file — a `close`/`abort` listener, an effect's
 * returned cleanup, a `stop()`/`dispose()` method, the interval's own callback. Which path runs it
 * is not followed: precision first, one reachable clear is enough.
 */
export interface CleanupPaths {
  /** Keys of the handles passed to `clearInterval`/`clearTimeout`, or closed (`handle.close()`, `[Symbol.dispose]()`). */
  readonly clearedHandles: ReadonlySet<string>;
  /** Listener removals by the key of their target. */
  readonly removals: ReadonlyMap<string, readonly ListenerRemoval[]>;
}

/**
 * `target.off(event, listener)`: the listener's key when it is a named function or slot; undefined
 * when it is computed (`handlers.get(id)`), which may be any listener. `all` for `removeAllListeners`.
 */
export interface ListenerRemoval {
  readonly call: TSESTree.CallExpression;
  readonly listener: string | undefined;
  readonly all: boolean;
}

const REMOVE_METHODS = new Set(['off', 'removeListener', 'removeEventListener']);
const HANDLE_CLOSES = new Set(['close', '[Symbol.dispose]']);

function symbolMethodName(member: TSESTree.MemberExpression): string | undefined {
  const property = member.property;
  if (member.computed && property.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(property.object).type === AST_NODE_TYPES.Identifier) {
    const object = unwrapExpression(property.object) as TSESTree.Identifier;
    return object.name === 'Symbol' ? `[Symbol.${staticPropertyName(property)}]` : undefined;
  }
  return staticPropertyName(member);
}

function isNewFunction(node: Node): boolean {
  const value = unwrapExpression(node);
  if (isFunction(value)) return true;
  return value.type === AST_NODE_TYPES.CallExpression && value.callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(value.callee) === 'bind';
}

/** The key a listener reference is removed by: `onClose`, `this.onClose`, `this.onClose.bind(this)` never matches. */
export function listenerKey(listener: Node | undefined, scopeManager: ScopeManagerLike): string | undefined {
  if (!listener) return undefined;
  const node = unwrapExpression(listener);
  if (isFunction(node)) return undefined;
  return referenceKey(node, scopeManager);
}

/**
 * A cleared handle by its key and, for a field, by its name alone: `Foo.prototype.close = function () {
 * clearInterval(self._timer) }` clears what `this._timer` holds through an alias the source does not tie.
 */
function addHandle(handles: Set<string>, handle: Node, scopeManager: ScopeManagerLike): void {
  const key = referenceKey(handle, scopeManager);
  if (key !== undefined) handles.add(key);
  const node = unwrapExpression(handle);
  const name = node.type === AST_NODE_TYPES.MemberExpression ? memberName(node) : undefined;
  if (name !== undefined) handles.add(fieldKey(name));
}

/** The key of any field of that name, whatever object holds it. */
export function fieldKey(name: string): string {
  return `field:${name}`;
}

/** Is the handle in `slot` (a variable or a field) cleared somewhere in the file? */
export function isHandleCleared(paths: CleanupPaths, slot: Node, scopeManager: ScopeManagerLike): boolean {
  const key = referenceKey(slot, scopeManager);
  if (key !== undefined && paths.clearedHandles.has(key)) return true;
  const node = unwrapExpression(slot);
  const name = node.type === AST_NODE_TYPES.MemberExpression ? memberName(node) : undefined;
  return name !== undefined && paths.clearedHandles.has(fieldKey(name));
}

export function cleanupPathsOf(calls: readonly TSESTree.CallExpression[], program: TSESTree.Program, scopeManager: ScopeManagerLike): CleanupPaths {
  const clearedHandles = new Set<string>();
  const removals = new Map<string, ListenerRemoval[]>();
  for (const call of calls) {
    const cleared = clearedHandle(call, program, scopeManager);
    if (cleared) {
      addHandle(clearedHandles, cleared, scopeManager);
      continue;
    }
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = symbolMethodName(callee);
    if (method === undefined) continue;
    if (HANDLE_CLOSES.has(method)) {
      addHandle(clearedHandles, callee.object, scopeManager);
      continue;
    }
    const all = method === 'removeAllListeners';
    if (!all && !REMOVE_METHODS.has(method)) continue;
    const target = referenceKey(callee.object, scopeManager);
    if (target === undefined) continue;
    // `off('x', () => …)` and `off('x', this.f.bind(this))` remove nothing: a new function is never the one added.
    if (!all && call.arguments[1] && isNewFunction(call.arguments[1])) continue;
    const listener = all ? undefined : listenerKey(call.arguments[1], scopeManager);
    const list = removals.get(target) ?? [];
    list.push({ call, listener, all });
    removals.set(target, list);
  }
  return { clearedHandles, removals };
}

/**
 * Is the listener `listener` (its key) added to `target` removed somewhere? A removal of the same
 * function, `removeAllListeners`, or a removal whose listener the source cannot name (`off(event,
 * handlers.get(id))`), which may be this one.
 */
export function isListenerRemoved(paths: CleanupPaths, target: string, listener: string | undefined): boolean {
  const removals = paths.removals.get(target) ?? [];
  return removals.some((removal) => removal.all || removal.listener === undefined || (listener !== undefined && removal.listener === listener));
}

const cache = new WeakMap<TSESTree.Program, CleanupPaths>();

/** Built once per file, shared by both rules. */
export function cleanupPathsOfFile(calls: readonly TSESTree.CallExpression[], program: TSESTree.Program, scopeManager: ScopeManagerLike): CleanupPaths {
  let paths = cache.get(program);
  if (!paths) {
    paths = cleanupPathsOf(calls, program, scopeManager);
    cache.set(program, paths);
  }
  return paths;
}

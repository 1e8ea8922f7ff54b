import type { TSESTree } from '@typescript-eslint/utils';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { clientSlotOf, isSlotCheckedFirst, slotKey, type ClientSlot } from './client-slots';

/** Events after which a stream or socket is finished: a release in their listener runs only then. */
const END_EVENTS = new Set(['finish', 'close', 'end']);
/** Events after which the handle itself is done or destroyed (streams destroy themselves on 'error'): a rerun there replaces nothing open. */
const DONE_EVENTS = new Set([...END_EVENTS, 'error', 'exit']);

/** A handle's slot that a method fills again on every run, which the class itself starts again. */
export interface RerunSlot {
  readonly slot: ClientSlot;
  /** The method that fills it. */
  readonly method: string;
  /** `this.start()` in the class's own code (a retry, a reconnect): where the method runs again. */
  readonly rerun: TSESTree.CallExpression;
}

/**
 * `start() { … this.fileStream = fs.createWriteStream(path) … }` in a class that calls `this.start()`
 * again itself (a retry after an error, a reconnect): each run replaces the handle in the slot, and
 * the one it replaces is released only by a listener of its own end (`'finish'`, `'close'`) — which a
 * stream that failed never reaches. node-downloader-helper left the previous write stream open on
 * every retry (issue #105). Not when the method looks at the slot before filling it (`if
 * (this.stream) …`, `this.stream?.destroy()`), or when the class releases the slot anywhere else.
 */
export function slotReplacedOnRerun(acquisition: Node, entry: ResourceEntry, scopeManager: ScopeManagerLike): RerunSlot | undefined {
  const slot = clientSlotOf(acquisition, scopeManager);
  if (!slot || !slot.text.startsWith('this.') || isSlotCheckedFirst(slot, scopeManager)) return undefined;
  const method = enclosingMethod(slot.owner);
  const name = method?.key.type === AST_NODE_TYPES.Identifier && !method.computed ? method.key.name : undefined;
  const classBody = method?.parent;
  if (!method || name === undefined || classBody?.type !== AST_NODE_TYPES.ClassBody) return undefined;
  const rerun = ownCallOf(classBody, name, method, (call) => !inListenerOf(call, slot.text, DONE_EVENTS, scopeManager));
  if (!rerun || releasedOutsideItsEndListeners(classBody, slot.text, entry, scopeManager)) return undefined;
  return { slot, method: name, rerun };
}

/** The class method (not the constructor) that `fn` is, or an arrow or callback inside. */
function enclosingMethod(fn: FunctionNode): TSESTree.MethodDefinition | undefined {
  for (let current: FunctionNode | undefined = fn; current; current = enclosingFunction(current)) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition) return holder.kind === 'method' ? holder : undefined;
  }
  return undefined;
}

/** `this.<name>(…)` in the class body outside the constructor and outside the method's own synchronous body. */
function ownCallOf(
  classBody: TSESTree.ClassBody,
  name: string,
  method: TSESTree.MethodDefinition,
  counts: (call: TSESTree.CallExpression) => boolean,
): TSESTree.CallExpression | undefined {
  let found: TSESTree.CallExpression | undefined;
  for (const member of classBody.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind === 'constructor') continue;
    walk(member.value, (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(callee.object).type !== AST_NODE_TYPES.ThisExpression || staticPropertyName(callee) !== name) return undefined;
      // A call in the method's own body is a recursion the method waits for; one in a callback (a timer, a listener) is a run of its own.
      if (member === method && enclosingFunction(node) === method.value) return undefined;
      // `async connect() { await this.createWorker(); … }` where nothing in the class calls `connect`
      // again: the first run, made by whoever starts the instance, not a rerun by the class. A
      // `reconnect()` the class calls from a listener, or a per-operation `withRespawn()` that spawns
      // again after a failure, is a rerun.
      if (member !== method && enclosingFunction(node) === member.value && isStartingEntry(member) && !calledByClass(classBody, member)) return undefined;
      // `this.socket.on('close', () => this.connect())`: the one it replaces has ended already.
      if (!counts(node)) return undefined;
      found = node;
      return false;
    });
  }
  return found;
}

/** Methods that start an instance's life: whoever holds it calls one once. */
const STARTING_ENTRIES = new Set(['start', 'init', 'initialize', 'setup', 'bootstrap', 'connect', 'open', 'listen', 'launch']);

function isStartingEntry(member: TSESTree.MethodDefinition): boolean {
  return member.key.type === AST_NODE_TYPES.Identifier && !member.computed && STARTING_ENTRIES.has(member.key.name);
}

/** `this.<member>(…)` anywhere in the class outside the member's own body and the constructor. */
function calledByClass(classBody: TSESTree.ClassBody, member: TSESTree.MethodDefinition): boolean {
  const name = member.key.type === AST_NODE_TYPES.Identifier && !member.computed ? member.key.name : undefined;
  if (name === undefined) return true;
  let called = false;
  for (const other of classBody.body) {
    if (called) break;
    if (other.type !== AST_NODE_TYPES.MethodDefinition || other.kind === 'constructor') continue;
    walk(other.value, (node) => {
      if (called) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
      const callee = unwrapExpression(node.callee);
      const own = callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression && staticPropertyName(callee) === name;
      if (own && !(other === member && enclosingFunction(node) === member.value)) called = true;
      return undefined;
    });
  }
  return called;
}

/** A release of the slot (`this.fileStream.destroy()`) anywhere in the class but a listener of the slot's own end. */
function releasedOutsideItsEndListeners(classBody: TSESTree.ClassBody, key: string, entry: ResourceEntry, scopeManager: ScopeManagerLike): boolean {
  const methods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  let released = false;
  walk(classBody, (node) => {
    if (released) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || slotKey(callee.object, scopeManager) !== key) return undefined;
    const method = staticPropertyName(callee);
    if (method !== undefined && methods.has(method) && !inListenerOf(node, key, END_EVENTS, scopeManager)) released = true;
    return undefined;
  });
  return released;
}

/** Inside `this.<slot>.on(<one of events>, …)`. */
function inListenerOf(node: Node, key: string, events: ReadonlySet<string>, scopeManager: ScopeManagerLike): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const call = outermostWrapper(fn).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || !isFunction(fn)) continue;
    const callee = unwrapExpression(call.callee);
    const event = call.arguments[0];
    const method = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      method !== undefined &&
      isEmitterListenerMethod(method) &&
      slotKey(callee.object, scopeManager) === key &&
      event?.type === AST_NODE_TYPES.Literal &&
      events.has(String(event.value))
    ) {
      return true;
    }
  }
  return false;
}

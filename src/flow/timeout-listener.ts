import { isEmitterListenerMethod } from '../ast/listener-methods';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * `socket.setTimeout(ms, () => reject(new Error('timeout')))`, `socket.on('timeout', …)`: the event
 * only says the socket has been idle; Node leaves it open ("the user must manually call
 * `socket.end()` or `socket.destroy()`"). A listener that neither releases the socket nor hands it
 * on leaves it open for as long as the peer keeps it. Returns the first such listener.
 */
export function timeoutListenerWithoutRelease(variables: readonly VariableLike[], entry: ResourceEntry, scopeManager?: ScopeManagerLike): FunctionNode | undefined {
  if (!entry.quietMethods?.includes('setTimeout')) return undefined;
  const names = new Set(variables.map((variable) => variable.name));
  const releaseMethods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  for (const variable of variables) {
    for (const reference of variable.references) {
      const listener = timeoutListenerOf(outermostWrapper(reference.identifier));
      if (listener && !touchesHandle(listener, names, releaseMethods, scopeManager)) return listener;
    }
  }
  return undefined;
}

function timeoutListenerOf(value: Node): FunctionNode | undefined {
  const member = value.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return undefined;
  const call = outermostWrapper(member).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(member)) return undefined;
  const method = staticPropertyName(member);
  const event = call.arguments[0];
  const listener =
    method === 'setTimeout'
      ? call.arguments[1]
      : method !== undefined && isEmitterListenerMethod(method) && event?.type === AST_NODE_TYPES.Literal && event.value === 'timeout'
        ? call.arguments[1]
        : undefined;
  return isFunction(listener) ? listener : undefined;
}

/** How many local helpers deep a listener is followed (`() => done(false)` → `done` → `socket.destroy()`). */
const MAX_HELPER_DEPTH = 2;

/** `done` in `done(false)`: the local function (declaration, or `const done = () => …`) a call runs. */
function localFunctionOf(call: Node, scopeManager: ScopeManagerLike | undefined): FunctionNode | undefined {
  if (!scopeManager || call.type !== AST_NODE_TYPES.CallExpression || call.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(scopeManager, call.callee)?.defs[0];
  if (!definition) return undefined;
  const node = definition.node;
  if (node.type === AST_NODE_TYPES.FunctionDeclaration) return node;
  if (node.type === AST_NODE_TYPES.VariableDeclarator && node.init && isFunction(node.init)) return node.init;
  return undefined;
}

/**
 * Whether the listener (or a callback inside it, or a local helper it calls: a `done()` that destroys
 * the socket and settles) releases the handle or does anything else with it: passes it on, emits it
 * for an owner. `this.destroy()` in a method-style listener counts too.
 */
function touchesHandle(listener: FunctionNode, names: ReadonlySet<string>, releaseMethods: ReadonlySet<string>, scopeManager: ScopeManagerLike | undefined, depth = 0): boolean {
  let touched = false;
  walk(listener.body, (node) => {
    if (touched) return false;
    // In the listener itself any use counts (it may hand the socket on); in a helper it calls, only a release.
    if (depth === 0 && node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) touched = true;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticPropertyName(node.callee);
      const receiver = node.callee.object;
      const onHandle = receiver.type === AST_NODE_TYPES.Identifier ? names.has(receiver.name) : depth === 0;
      if (method !== undefined && releaseMethods.has(method) && onHandle) touched = true;
    }
    if (!touched && depth < MAX_HELPER_DEPTH && node.type === AST_NODE_TYPES.CallExpression) {
      const helper = localFunctionOf(node, scopeManager);
      if (helper && helper !== listener && touchesHandle(helper, names, releaseMethods, scopeManager, depth + 1)) touched = true;
    }
    return undefined;
  });
  return touched;
}

/**
 * `self._socket = net.createConnection(port, host)` … `self._socket.on('timeout', () => callback(err))`:
 * the same for a socket kept in a field of the instance (node-cubrid's broker socket). The listener
 * neither reads the field (to end it or pass it on) nor calls a method of the instance (which may end
 * it): the socket stays open after the code gave up on it. Returns that listener.
 */
export function fieldTimeoutListenerWithoutRelease(acquisition: Node, owner: FunctionNode, entry: ResourceEntry): FunctionNode | undefined {
  if (!entry.quietMethods?.includes('setTimeout')) return undefined;
  const value = outermostWrapper(acquisition);
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const field = staticPropertyName(assignment.left);
  const holder = holderName(assignment.left.object);
  if (field === undefined || holder === undefined) return undefined;
  let found: FunctionNode | undefined;
  walk(owner.body, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === field && holderName(node.object) === holder) {
      const listener = timeoutListenerOf(node);
      if (listener && !touchesField(listener, field, holder)) found = listener;
    }
    return undefined;
  });
  return found;
}

/** `this`, or the name of an alias of it (`self`). */
function holderName(object: Node): string | undefined {
  if (object.type === AST_NODE_TYPES.ThisExpression) return 'this';
  return object.type === AST_NODE_TYPES.Identifier ? object.name : undefined;
}

/** The listener reads the field (`self._socket.destroy()`, `done(self._socket)`) or calls a method of the instance (`self.close()`). */
function touchesField(listener: FunctionNode, field: string, holder: string): boolean {
  let touched = false;
  walk(listener.body, (node) => {
    if (touched) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node) === field) touched = true;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const receiver = holderName(node.callee.object);
      if (receiver === holder || receiver === 'this') touched = true;
    }
    return undefined;
  });
  return touched;
}

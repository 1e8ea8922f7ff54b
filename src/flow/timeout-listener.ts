import { isEmitterListenerMethod } from '../ast/listener-methods';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import type { VariableLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * `socket.setTimeout(ms, () => reject(new Error('timeout')))`, `socket.on('timeout', …)`: the event
 * only says the socket has been idle; Node leaves it open ("the user must manually call
 * `socket.end()` or `socket.destroy()`"). A listener that neither releases the socket nor hands it
 * on leaves it open for as long as the peer keeps it. Returns the first such listener.
 */
export function timeoutListenerWithoutRelease(variables: readonly VariableLike[], entry: ResourceEntry): FunctionNode | undefined {
  if (!entry.quietMethods?.includes('setTimeout')) return undefined;
  const names = new Set(variables.map((variable) => variable.name));
  const releaseMethods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  for (const variable of variables) {
    for (const reference of variable.references) {
      const listener = timeoutListenerOf(outermostWrapper(reference.identifier));
      if (listener && !touchesHandle(listener, names, releaseMethods)) return listener;
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

/**
 * Whether the listener (or a callback inside it) releases the handle or does anything else with it:
 * passes it on, emits it for an owner. `this.destroy()` in a method-style listener counts too.
 */
function touchesHandle(listener: FunctionNode, names: ReadonlySet<string>, releaseMethods: ReadonlySet<string>): boolean {
  let touched = false;
  walk(listener.body, (node) => {
    if (touched) return false;
    if (node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) touched = true;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const method = staticPropertyName(node.callee);
      if (method !== undefined && releaseMethods.has(method)) touched = true;
    }
    return undefined;
  });
  return touched;
}

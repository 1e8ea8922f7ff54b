import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/** Events after which a client can be used: the work that needs it runs in their listener. */
const READY_EVENTS: ReadonlySet<string> = new Set(['ready', 'connect', 'connected', 'open']);
const REGISTRATIONS: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * `client.on('ready', async () => { … client.quit() … })`: the listener a handle's own ready event
 * runs, when every release of the handle is inside it (in the listener itself or its callbacks). The
 * work on the handle happens there, so the listener is where it must be released on every way out.
 * Undefined when the releases are spread over several functions or none of them is such a listener.
 */
export function readyListenerHoldingReleases(releases: readonly Node[], owner: FunctionNode, names: ReadonlySet<string>): FunctionNode | undefined {
  let found: FunctionNode | undefined;
  for (const release of releases) {
    const listener = enclosingReadyListener(release, owner, names);
    if (!listener || (found && found !== listener)) return undefined;
    found = listener;
  }
  return found;
}

function enclosingReadyListener(node: Node, owner: FunctionNode, names: ReadonlySet<string>): FunctionNode | undefined {
  for (let fn = enclosingFunction(node); fn && fn !== owner; fn = enclosingFunction(fn)) {
    if (isReadyListener(fn, names) && enclosingFunction(fn) === owner) return fn;
  }
  return undefined;
}

function isReadyListener(fn: FunctionNode, names: ReadonlySet<string>): boolean {
  const call = outermostWrapper(fn).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== outermostWrapper(fn) || !isFunction(fn)) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  const event = call.arguments[0];
  if (method === undefined || !REGISTRATIONS.has(method) || event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || !READY_EVENTS.has(event.value)) return false;
  return receivesOnHandle(callee.object, names);
}

/** `client.on(…)`, or `client.on(…).on(…)` chained on it. */
function receivesOnHandle(receiver: TSESTree.Expression, names: ReadonlySet<string>): boolean {
  const node = unwrapExpression(receiver);
  if (node.type === AST_NODE_TYPES.Identifier) return names.has(node.name);
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const method = staticPropertyName(node.callee);
    return method !== undefined && REGISTRATIONS.has(method) && receivesOnHandle(node.callee.object, names);
  }
  return false;
}

import type { TSESTree } from '@typescript-eslint/utils';
import { isRepeatingListenerMethod } from '../ast/listener-methods';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { ConnectionObject, HandlerRole } from './execution-role';

/**
 * What a loop reads to learn that its connection ended: grpc-js `call.cancelled`, node's
 * `res.writableEnded` / `destroyed` / `closed`, `req.aborted`, `signal.aborted`, ws `readyState`,
 * socket.io `connected` / `disconnected`. Any read of one of these in the loop counts: which object
 * it is read from is not checked (precision first).
 */
const END_PROPERTIES = new Set(['cancelled', 'destroyed', 'writableEnded', 'writableFinished', 'writable', 'closed', 'aborted', 'readyState', 'connected', 'disconnected', 'finished']);

/** The connection object of `handler` that `node` (`res`, `ctx.res`, `reply.raw`, `call`) is, or is a property of. */
export function connectionObjectOf(node: Node, handler: HandlerRole, scopeManager: ScopeManagerLike): ConnectionObject | undefined {
  let root = unwrapExpression(node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(scopeManager, root)?.defs[0];
  if (definition?.type !== 'Parameter' || definition.node !== handler.function) return undefined;
  return handler.connection.find((connection) => connection.name === root.name);
}

/** `req.on('close', () => { closed = true })`: the function is a listener callback. */
function isListenerCallback(fn: Node): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn as TSESTree.CallExpressionArgument)) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee) ?? '';
  return isRepeatingListenerMethod(method) || method === 'once' || method === 'onClose' || method === 'finally';
}

/** Is the variable written inside a listener callback (`closed = true` in a 'close' listener)? */
function isSetByListener(identifier: TSESTree.Identifier, scopeManager: ScopeManagerLike): boolean {
  const variable = findVariable(scopeManager, identifier);
  return (variable?.references ?? []).some((reference) => {
    if (!reference.isWrite() || reference.init) return false;
    for (let fn = enclosingFunction(reference.identifier); fn; fn = enclosingFunction(fn)) {
      if (isListenerCallback(fn)) return true;
    }
    return false;
  });
}

/**
 * Does the loop (its test or body) look at whether the connection ended: an end property, or a flag
 * a listener sets (`let closed = false; req.on('close', () => { closed = true })`)? A `signal`
 * passed on counts too: whatever takes it stops when it aborts.
 */
export function checksConnectionEnd(loop: Node, scopeManager: ScopeManagerLike): boolean {
  let checks = false;
  walk(loop, (node) => {
    if (checks) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && END_PROPERTIES.has(staticPropertyName(node) ?? '')) checks = true;
    else if (node.type === AST_NODE_TYPES.Identifier && node.name === 'signal') checks = true;
    else if (node.type === AST_NODE_TYPES.Identifier && !(node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.property === node) && isSetByListener(node, scopeManager)) {
      checks = true;
    }
    return checks ? false : undefined;
  });
  return checks;
}

/** Does `root` (a loop, without entering its nested functions' own loops) await anything? */
export function awaitsInside(root: Node): boolean {
  let found = false;
  walk(root, (node) => {
    if (found) return false;
    if (node !== root && isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || (node.type === AST_NODE_TYPES.ForOfStatement && node.await)) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** Is `node` inside `container` and run by the same function (not a nested callback)? */
export function inSameFunction(node: Node, container: Node): boolean {
  return isInside(node, container) && enclosingFunction(node) === enclosingFunction(container);
}

import { calledLocalFunction } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, unwrapExpression } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

/**
 * `await this.connectWithTimeout(ms)` as a statement: the helper of this file opens the socket, keeps
 * it (`this.websocket = websocket`) and also resolves with it for callers that want it. The caller
 * that drops the result drops nothing it owns: the helper's field still holds it (mml's connection
 * attempts). A helper that returns what it made without keeping it hands it to the caller, whose
 * dropped result is a leak.
 */
export function helperKeepsItsResult(call: Node, scopeManager: ScopeManagerLike): boolean {
  const unwrapped = unwrapExpression(call.type === AST_NODE_TYPES.AwaitExpression ? call.argument : call);
  if (unwrapped.type !== AST_NODE_TYPES.CallExpression) return false;
  const helper = calledLocalFunction(unwrapped, scopeManager);
  if (!helper) return false;
  const kept = new Set<string>();
  const given = new Set<string>();
  // `new Promise((resolve) => …)` in the helper: what `resolve(x)` settles with is what it gives back.
  const resolvers = new Set<string>();
  walk(helper.body, (node) => {
    if (node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise') {
      const executor = node.arguments[0];
      const first = executor && isFunction(executor) ? executor.params[0] : undefined;
      if (first?.type === AST_NODE_TYPES.Identifier) resolvers.add(first.name);
    }
    return undefined;
  });
  walk(helper.body, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.MemberExpression) {
      const value = unwrapExpression(node.right);
      if (value.type === AST_NODE_TYPES.Identifier) kept.add(value.name);
    }
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) {
      const value = unwrapExpression(node.argument);
      if (value.type === AST_NODE_TYPES.Identifier) given.add(value.name);
    }
    // `resolve(websocket)` in a promise executor of the helper.
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.arguments.length === 1) {
      const value = unwrapExpression(node.arguments[0]);
      if (value.type === AST_NODE_TYPES.Identifier && resolvers.has(node.callee.name)) given.add(value.name);
    }
    return undefined;
  });
  return [...given].some((name) => kept.has(name));
}

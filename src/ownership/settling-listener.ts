import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/** `new Promise((resolve, reject) => …)`: the executor's settle functions, by name. */
function settleFunctionsAround(node: Node): ReadonlySet<string> {
  const names = new Set<string>();
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const creation = current.parent;
    if (creation?.type === AST_NODE_TYPES.NewExpression && creation.arguments[0] === current && isPromiseConstructor(creation)) {
      for (const parameter of (current as FunctionNode).params) if (parameter.type === AST_NODE_TYPES.Identifier) names.add(parameter.name);
    }
  }
  return names;
}

function isPromiseConstructor(creation: TSESTree.NewExpression): boolean {
  return creation.callee.type === AST_NODE_TYPES.Identifier && creation.callee.name === 'Promise';
}

function callsSettle(expression: Node, settles: ReadonlySet<string>): boolean {
  const call = unwrapExpression(expression);
  return call.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.Identifier && settles.has(call.callee.name);
}

/**
 * `stream.once('open', () => resolve())`, `stream.once('error', reject)` inside a `new Promise`
 * executor: the listener only settles the promise the function awaits, like `await events.once(stream,
 * 'open')`. The handle does not live on in it; whoever holds the handle afterwards still owns it.
 */
export function isSettlingListener(listener: Node | undefined): boolean {
  if (!listener) return false;
  const settles = settleFunctionsAround(listener);
  if (settles.size === 0) return false;
  if (listener.type === AST_NODE_TYPES.Identifier) return settles.has(listener.name);
  if (listener.type !== AST_NODE_TYPES.ArrowFunctionExpression && listener.type !== AST_NODE_TYPES.FunctionExpression) return false;
  const body = listener.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return callsSettle(body, settles);
  return body.body.length === 1 && body.body[0].type === AST_NODE_TYPES.ExpressionStatement && callsSettle(body.body[0].expression, settles);
}

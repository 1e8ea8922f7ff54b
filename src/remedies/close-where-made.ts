import { AST_NODE_TYPES } from '../ast/node-types';
import { isEmitterListenerMethod } from '../ast/listener-methods';
import { enclosingFunction, staticPropertyName } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { TryFinallySite } from './plan-try-finally';

/**
 * Whether a client may be closed in a `finally` where it is made: the function is async and every use
 * of the client (its releases aside) is awaited right there, outside any callback. Then nothing the
 * client started is still running when the function returns. A client that serves a callback, a
 * subscription handed back (`return client.request(q).subscribe(…)`) or a promise returned without
 * `await` is still working after the `finally` would run: closing it there breaks the caller.
 */
export function isUsedOnlyUntilReturn(site: TryFinallySite): boolean {
  if (!site.owner.async) return false;
  const releases = site.usage.releases;
  const variables = new Set(site.usage.variables);
  const targets = new Set(site.usage.variables.flatMap((variable) => variable.defs.map((definition) => definition.name as Node)));
  for (const variable of variables) {
    for (const reference of variable.references) {
      const identifier = reference.identifier as Node;
      if (targets.has(identifier) || identifier === site.binding.target) continue;
      if (releases.some((release) => isWithin(identifier, release))) continue;
      if (enclosingFunction(identifier) !== site.owner) return false;
      if (isTruthinessTest(identifier) || isListenerRegistration(identifier)) continue;
      if (reference.isWrite() || !isAwaitedHere(identifier, site.owner)) return false;
    }
  }
  return true;
}

/**
 * `client.on('error', log)`: a listener on the client itself runs no work of the client's after the
 * function returns (an error or end event of a closed client at most).
 */
function isListenerRegistration(identifier: Node): boolean {
  const member = identifier.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== identifier) return false;
  const call = member.parent;
  const method = staticPropertyName(member);
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && method !== undefined && isEmitterListenerMethod(method);
}

/** `if (client)`, `!client`, `client && …`: asking whether it was made is no use of it. */
function isTruthinessTest(identifier: Node): boolean {
  const parent = identifier.parent;
  switch (parent?.type) {
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.ConditionalExpression:
      return parent.test === identifier;
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!';
    case AST_NODE_TYPES.LogicalExpression:
      return parent.left === identifier;
    default:
      return false;
  }
}

function isWithin(node: Node, ancestor: Node): boolean {
  return node.range[0] >= ancestor.range[0] && node.range[1] <= ancestor.range[1];
}

/** `await client.query(sql)`, `await client.db(name).collection(c).find().toArray()`: inside an `await` of `owner`. */
function isAwaitedHere(node: Node, owner: Node): boolean {
  for (let current = node.parent; current && current !== owner; current = current.parent) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) return true;
    if (current.type === AST_NODE_TYPES.ExpressionStatement || current.type === AST_NODE_TYPES.VariableDeclaration || current.type === AST_NODE_TYPES.ReturnStatement) return false;
  }
  return false;
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

/**
 * An LRUCache iterates most-recently-used first, a Map or an object in insertion order. A loop that
 * does the same thing to every entry whatever their order — send each room its frame, reset each
 * counter — reads the same either way; one that stops at an entry (`break`, `return`), or builds an
 * ordered result out of them (`out.push(…)`, `text += …`, `res.write(…)`) does not.
 */

/** Methods that append to an ordered output. */
const ORDERED_OUTPUTS = new Set(['push', 'unshift', 'write', 'concat', 'append', 'join', 'splice']);

/** The loop body or callback that consumes `iterated` (an expression yielding the entries), if any. */
function consumerOf(iterated: Node): Node | undefined {
  const outer = outermostWrapper(iterated);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === outer && !parent.await) return parent.body;
  // `Object.values(rooms).forEach((room) => …)` as a statement of its own.
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer && staticPropertyName(parent) === 'forEach') {
    const call = outermostWrapper(parent).parent;
    const callback = call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(parent) ? unwrapExpression(call.arguments[0] ?? call) : undefined;
    if (isFunction(callback) && outermostWrapper(call!).parent?.type === AST_NODE_TYPES.ExpressionStatement) return callback.body;
  }
  return undefined;
}

/** The variable an assignment target or call receiver starts from: `out` in `out.items.push(…)`. */
function rootIdentifier(node: Node): TSESTree.Identifier | undefined {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
  return current.type === AST_NODE_TYPES.Identifier ? current : undefined;
}

/** Declared inside `body` (a per-entry local), so what is appended to it starts afresh for each entry. */
function declaredWithin(identifier: TSESTree.Identifier | undefined, body: Node, scopeManager: ScopeManagerLike): boolean {
  if (!identifier) return false;
  const definition = findVariable(scopeManager, identifier)?.defs[0]?.name;
  return definition !== undefined && definition.range[0] >= body.range[0] && definition.range[1] <= body.range[1];
}

/** What in `body` makes the order of the entries observable, if anything. */
function orderDependence(body: Node, isCallback: boolean, scopeManager: ScopeManagerLike): boolean {
  let dependent = false;
  walk(body, (node) => {
    if (dependent) return false;
    switch (node.type) {
      case AST_NODE_TYPES.BreakStatement:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.ThrowStatement:
        dependent = true;
        return false;
      case AST_NODE_TYPES.ReturnStatement: {
        // In a `forEach` callback a `return` goes on to the next entry; in a loop it stops at this
        // one. A `return` of a function nested in the body ends only that function.
        const owner = enclosingFunction(node);
        const nested = owner !== undefined && owner.range[0] >= body.range[0] && owner.range[1] <= body.range[1] && owner.body !== body;
        if (!isCallback && !nested) dependent = true;
        return undefined;
      }
      case AST_NODE_TYPES.ContinueStatement:
        if (node.label) dependent = true;
        return undefined;
      case AST_NODE_TYPES.AssignmentExpression:
        if (node.operator === '+=' && !declaredWithin(rootIdentifier(node.left), body, scopeManager)) dependent = true;
        return undefined;
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrapExpression(node.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
        if (name !== undefined && ORDERED_OUTPUTS.has(name) && !declaredWithin(rootIdentifier((callee as TSESTree.MemberExpression).object), body, scopeManager)) dependent = true;
        return undefined;
      }
      default:
        return undefined;
    }
  });
  return dependent;
}

/**
 * Does the code that consumes `iterated` read the same in any order? Only a `for … of` loop or a
 * `forEach` statement over it, whose body neither stops early nor appends to something outside it.
 */
export function isOrderFreeIteration(iterated: Node, scopeManager: ScopeManagerLike): boolean {
  const body = consumerOf(iterated);
  if (!body) return false;
  const isCallback = body.parent !== undefined && isFunction(body.parent);
  return !orderDependence(body, isCallback, scopeManager);
}

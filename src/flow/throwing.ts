import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { firstInSameFunction } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/**
 * Calls that do not throw in practice. Everything else that calls, awaits, yields or throws can end
 * the function early: a handle released after it is released only on the success path.
 */
const QUIET_GLOBALS = new Set(['clearTimeout', 'clearInterval', 'clearImmediate', 'Boolean', 'String', 'Number', 'isNaN', 'isFinite']);
const QUIET_OBJECTS = new Set(['console', 'Math', 'Date']);

function isQuietCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return QUIET_GLOBALS.has(callee.name);
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    QUIET_OBJECTS.has(callee.object.name)
  );
}

export function isThrowingNode(node: Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return !isQuietCall(node);
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    default:
      return false;
  }
}

/** The first thing in `node` (not in nested functions) that can throw, or undefined. */
export function firstThrower(node: Node): Node | undefined {
  return firstInSameFunction(node, isThrowingNode);
}

/** `process.exit(…)` ends the process: nothing leaks past it. */
export function isProcessExit(statement: Node): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = statement.expression;
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    expression.callee.object.type === AST_NODE_TYPES.Identifier &&
    expression.callee.object.name === 'process' &&
    expression.callee.property.type === AST_NODE_TYPES.Identifier &&
    expression.callee.property.name === 'exit'
  );
}

import { AST_NODE_TYPES } from './node-types';
import type { FunctionNode } from './predicates';
import type { Node } from './traverse';

/** Whether `value` is part of what a `return` of `owner` returns (an arrow's expression body included). */
export function returnedWithin(value: Node, owner: FunctionNode): boolean {
  for (let current: Node | undefined = value.parent; current && current !== owner; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ReturnStatement) return true;
    if (isStatementLike(current)) return false;
  }
  return owner.type === AST_NODE_TYPES.ArrowFunctionExpression && owner.body.type !== AST_NODE_TYPES.BlockStatement;
}

function isStatementLike(node: Node): boolean {
  return node.type.endsWith('Statement') || node.type === AST_NODE_TYPES.VariableDeclaration;
}

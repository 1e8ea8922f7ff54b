import { AST_NODE_TYPES } from './node-types';
import type { Node } from './traverse';

/** The statement list a node can be spliced out of or wrapped within, if it is one. */
export function statementListOf(container: Node | undefined): readonly Node[] | undefined {
  switch (container?.type) {
    case AST_NODE_TYPES.BlockStatement:
    case AST_NODE_TYPES.Program:
    case AST_NODE_TYPES.StaticBlock:
      return container.body;
    case AST_NODE_TYPES.SwitchCase:
      return container.consequent;
    default:
      return undefined;
  }
}

/** The statement of `list` (a child of `container`) that contains `node`, or undefined. */
export function topLevelStatementIn(container: Node, node: Node): Node | undefined {
  let current: Node | undefined = node;
  while (current && current.parent !== container) current = current.parent;
  return current;
}

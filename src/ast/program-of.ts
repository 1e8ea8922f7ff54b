import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Node } from './traverse';

/** The program a node belongs to, through its parents (every node has them once parsed). */
export function programOf(node: Node): TSESTree.Program | undefined {
  let current: Node | undefined = node;
  while (current?.parent) current = current.parent;
  return current?.type === AST_NODE_TYPES.Program ? current : undefined;
}

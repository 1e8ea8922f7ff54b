import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isTransparentWrapper } from './predicates';
import type { Node } from './traverse';

/** `await client.close();` or `void pool.end();`: the call as a statement of its own, which a fix can delete. */
export function standaloneStatementOf(call: Node): TSESTree.ExpressionStatement | undefined {
  let current: Node = call;
  while (
    current.parent &&
    (isTransparentWrapper(current.parent) ||
      current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      (current.parent.type === AST_NODE_TYPES.UnaryExpression && current.parent.operator === 'void'))
  ) {
    current = current.parent;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : undefined;
}

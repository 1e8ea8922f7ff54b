import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isTransparentWrapper } from './predicates';
import type { Node } from './traverse';

/** `x.close().catch(() => {})`: the `.catch(…)` call that swallows the call's rejection, if `node` has one. */
function swallowingCatch(node: Node): Node | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.computed) return undefined;
  if (member.property.type !== AST_NODE_TYPES.Identifier || member.property.name !== 'catch') return undefined;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member ? call : undefined;
}

/**
 * `await client.close();`, `void pool.end();` or `await context.close().catch(() => {});`: the call as a
 * statement of its own, which a fix can delete or move whole.
 */
export function standaloneStatementOf(call: Node): TSESTree.ExpressionStatement | undefined {
  let current: Node = call;
  for (;;) {
    const parent = current.parent;
    if (!parent) break;
    if (isTransparentWrapper(parent) || parent.type === AST_NODE_TYPES.AwaitExpression || (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void')) {
      current = parent;
      continue;
    }
    const caught = swallowingCatch(current);
    if (!caught) break;
    current = caught;
  }
  return current.parent?.type === AST_NODE_TYPES.ExpressionStatement ? current.parent : undefined;
}

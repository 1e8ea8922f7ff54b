import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { walk, type Node } from '../../src/ast/traverse';

/** The `site()` call in a snippet: the place whose execution a lifetime test asks about. */
export function siteCall(ast: TSESTree.Program): Node {
  let site: Node | undefined;
  walk(ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'site') site = node;
  });
  if (!site) throw new Error('no site() call');
  return site;
}

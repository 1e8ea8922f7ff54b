import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import { walk, type Node } from '../ast/traverse';

/**
 * Whether `offset` falls strictly inside text the program carries as data: a template's text, a
 * string literal, JSX text. An edit that starts or ends there changes what the program prints, not
 * its code (bundled files put a statement on the line where a multi-line template ends).
 */
export function insideTextToken(root: Node, offset: number): boolean {
  const within = (node: Node) => node.range[0] < offset && offset < node.range[1];
  let inside = false;
  // Only nodes around the offset are entered: one path down the tree.
  walk(root, (node) => {
    if (inside || !within(node)) return false;
    if (node.type === AST_NODE_TYPES.TemplateElement || node.type === AST_NODE_TYPES.JSXText || (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string')) {
      inside = true;
    }
    return !inside;
  });
  return inside;
}

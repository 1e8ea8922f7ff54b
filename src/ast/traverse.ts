import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export type Node = TSESTree.Node;

/** Return `false` from `enter` to skip a node's children. */
export type Enter = (node: Node, parent: Node | undefined) => boolean | void;

/**
 * Iterative pre-order walk: deeply nested generated code must not overflow the stack. Hot (every
 * node of every file, once per file): children go straight onto two parallel stacks, in reverse so
 * they pop in source order, with no per-node arrays.
 */
export function walk(root: Node, enter: Enter): void {
  const nodes: Node[] = [root];
  const parents: Array<Node | undefined> = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const parent = parents.pop();
    if (enter(node, parent) === false) continue;
    const keys = visitorKeys[node.type];
    if (!keys) continue;
    for (let keyIndex = keys.length - 1; keyIndex >= 0; keyIndex--) {
      const value = (node as unknown as Record<string, unknown>)[keys[keyIndex]];
      if (Array.isArray(value)) {
        for (let index = value.length - 1; index >= 0; index--) {
          const item = value[index] as Node | null;
          if (item && typeof item.type === 'string') {
            nodes.push(item);
            parents.push(node);
          }
        }
      } else if (value && typeof (value as Node).type === 'string') {
        nodes.push(value as Node);
        parents.push(node);
      }
    }
  }
}

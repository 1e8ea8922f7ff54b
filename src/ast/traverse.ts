import type { TSESTree } from '@typescript-eslint/utils';
import { visitorKeys } from '@typescript-eslint/visitor-keys';

export type Node = TSESTree.Node;

/** Return `false` from `enter` to skip a node's children. */
export type Enter = (node: Node, parent: Node | undefined) => boolean | void;

function childNodes(node: Node): Node[] {
  const keys = visitorKeys[node.type] ?? [];
  const children: Node[] = [];
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof (item as Node).type === 'string') children.push(item as Node);
    } else if (value && typeof (value as Node).type === 'string') {
      children.push(value as Node);
    }
  }
  return children;
}

/** Iterative pre-order walk: deeply nested generated code must not overflow the stack. */
export function walk(root: Node, enter: Enter): void {
  const stack: Array<[Node, Node | undefined]> = [[root, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (enter(node, parent) === false) continue;
    const children = childNodes(node);
    for (let index = children.length - 1; index >= 0; index--) stack.push([children[index], node]);
  }
}

/** typescript-estree's `parse` leaves `parent` unset; ESLint sets it. The engine relies on it. */
export function ensureParents(root: Node): void {
  walk(root, (node, parent) => {
    (node as { parent?: Node }).parent = parent;
  });
  // ESLint leaves Program.parent undefined too; detectors treat it as the root.
}

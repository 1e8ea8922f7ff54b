import { AST_NODE_TYPES } from '../ast/node-types';
import { isLoop } from '../ast/loops';
import { isFunction } from '../ast/predicates';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Node } from '../ast/traverse';

type Loop = Node & { body: Node };

/**
 * The first statement that leaves `loop` before its iterable is exhausted: a `break` or labelled
 * `continue` that targets it or an outer statement, a `return`, a `throw`. `for await (const line of
 * rl) { …; if (done) break; }` stops reading its input there: what would have closed itself at the
 * end of the input stays open.
 */
export function earlyLoopExit(loop: Loop): Node | undefined {
  const ownLabel = loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent.label.name : undefined;
  const visit = (node: Node, breakable: number, labels: ReadonlySet<string>): Node | undefined => {
    if (isFunction(node)) return undefined;
    switch (node.type) {
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ThrowStatement:
        return node;
      case AST_NODE_TYPES.BreakStatement:
        if (node.label) return labels.has(node.label.name) ? undefined : node;
        return breakable === 0 ? node : undefined;
      case AST_NODE_TYPES.ContinueStatement:
        // An unlabelled `continue` goes on with this loop or an inner one.
        if (!node.label) return undefined;
        return labels.has(node.label.name) || node.label.name === ownLabel ? undefined : node;
      default:
        break;
    }
    let innerBreakable = breakable;
    let innerLabels = labels;
    if (isLoop(node) || node.type === AST_NODE_TYPES.SwitchStatement) innerBreakable += 1;
    if (node.type === AST_NODE_TYPES.LabeledStatement) innerLabels = new Set([...labels, node.label.name]);
    for (const child of childNodes(node)) {
      const exit = visit(child, innerBreakable, innerLabels);
      if (exit) return exit;
    }
    return undefined;
  };
  return visit(loop.body, 0, new Set());
}

function childNodes(node: Node): Node[] {
  const children: Node[] = [];
  for (const key of visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const item of value) if (item && typeof item === 'object' && 'type' in item) children.push(item as Node);
    } else if (value && typeof value === 'object' && 'type' in value) {
      children.push(value as Node);
    }
  }
  return children;
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { walk, type Node } from './traverse';

export type FunctionNode =
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression
  | TSESTree.ArrowFunctionExpression;

export function isFunction(node: Node | undefined): node is FunctionNode {
  return (
    node?.type === AST_NODE_TYPES.FunctionDeclaration ||
    node?.type === AST_NODE_TYPES.FunctionExpression ||
    node?.type === AST_NODE_TYPES.ArrowFunctionExpression
  );
}

/** The nearest function around `node`, or undefined at module level (class field initialisers stop the search). */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
    if (
      current.type === AST_NODE_TYPES.PropertyDefinition ||
      current.type === AST_NODE_TYPES.StaticBlock ||
      current.type === AST_NODE_TYPES.AccessorProperty
    ) {
      return undefined;
    }
  }
  return undefined;
}

/** Type-only and grouping wrappers that do not change which value flows through. */
export function isTransparentWrapper(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.TSAsExpression ||
    node.type === AST_NODE_TYPES.TSNonNullExpression ||
    node.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    node.type === AST_NODE_TYPES.TSTypeAssertion ||
    node.type === AST_NODE_TYPES.ChainExpression
  );
}

/** Climbs out of `x!`, `x as T`, `x?.…` so that the caller sees the node that consumes the value. */
export function outermostWrapper(node: Node): Node {
  let current = node;
  while (current.parent && isTransparentWrapper(current.parent)) current = current.parent;
  return current;
}

export function unwrapExpression(node: Node): Node {
  let current = node;
  while (isTransparentWrapper(current)) {
    current = (current as TSESTree.TSAsExpression | TSESTree.ChainExpression).expression;
  }
  return current;
}

export function isInside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

export function staticPropertyName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed && member.property.type === AST_NODE_TYPES.Identifier) return member.property.name;
  if (member.computed && member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return undefined;
}

/** Walks `root` without entering nested functions: what runs when `root` runs. */
export function walkSameFunction(root: Node, enter: (node: Node) => boolean | void): void {
  walk(root, (node) => {
    if (node !== root && isFunction(node)) return false;
    return enter(node);
  });
}

export function firstInSameFunction(root: Node, predicate: (node: Node) => boolean): Node | undefined {
  let found: Node | undefined;
  walkSameFunction(root, (node) => {
    if (found) return false;
    if (predicate(node)) {
      found = node;
      return false;
    }
    return undefined;
  });
  return found;
}

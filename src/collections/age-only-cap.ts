import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';

/**
 * `if (seen.size >= MAX) cleanup(now)`, where `cleanup` deletes only the entries older than a window:
 * the cap promises a size, the age-only cleanup keeps it only while old entries exist. With more
 * distinct keys inside the window than the cap, nothing is old enough and the collection grows past it
 * (a dedup map of inbound messages: 5 000 messages in 30 minutes, 5 000 entries under a cap of 1 000).
 * A sweep that runs on a timer, or one that evicts regardless of age, bounds; this one does not.
 */
export function ageOnlySweepUnderCap(sweepDelete: CollectionUse, uses: readonly CollectionUse[], guardedByTime: (site: Node) => boolean): boolean {
  if (!guardedByTime(sweepDelete.site)) return false;
  const caps = uses.filter((use) => use.operation === 'size-guard').map(capBody).filter((body): body is Node => body !== undefined);
  if (caps.length === 0) return false;
  const underCap = (node: Node) => caps.some((body) => isInside(node, body));
  if (underCap(sweepDelete.site)) return true;
  const fn = sweepFunction(sweepDelete.site);
  if (!fn) return false;
  const calls = callsOf(fn);
  return calls.length > 0 && calls.every(underCap);
}

/** The branch a size check guards: `if (map.size >= MAX) <body>`. */
function capBody(guard: CollectionUse): Node | undefined {
  for (let current: Node | undefined = guard.site.parent; current && !isFunction(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement) return isInside(guard.site, current.test) ? current.consequent : undefined;
  }
  return undefined;
}

/** The named function the sweep is in (a `forEach` callback's enclosing function, not the callback). */
function sweepFunction(site: Node): FunctionNode | undefined {
  let fn = enclosingFunction(site);
  while (fn && fn.parent?.type === AST_NODE_TYPES.CallExpression && fn.parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) fn = enclosingFunction(fn.parent);
  return fn;
}

/** How code calls `fn`: `this.cleanup(…)` for a method, `cleanup(…)` for a named function. */
function callsOf(fn: FunctionNode): TSESTree.CallExpression[] {
  const holder = fn.parent;
  const method = holder?.type === AST_NODE_TYPES.MethodDefinition ? holder : undefined;
  const name = method
    ? method.key.type === AST_NODE_TYPES.Identifier || method.key.type === AST_NODE_TYPES.PrivateIdentifier
      ? method.key.name
      : undefined
    : fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id?.name
      : holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier
        ? holder.id.name
        : undefined;
  if (name === undefined) return [];
  let root: Node = method ? method.parent : fn;
  if (!method) while (root.parent) root = root.parent;
  const calls: TSESTree.CallExpression[] = [];
  walk(root, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrapExpression(node.callee);
    const called = method
      ? callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression && !callee.computed && (callee.property as TSESTree.Identifier).name === name
      : callee.type === AST_NODE_TYPES.Identifier && callee.name === name;
    if (called) calls.push(node);
  });
  return calls;
}

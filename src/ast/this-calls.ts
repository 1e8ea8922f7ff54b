import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { unwrapExpression } from './predicates';
import { walk, type Node } from './traverse';

/** Per class body: its `this.name(…)` calls by method name (asked once per parameter of every method: one walk each was a tenth of the typed run). */
const thisCallsByClass = new WeakMap<Node, ReadonlyMap<string, readonly TSESTree.CallExpression[]>>();

export function thisCallsIn(cls: Node): ReadonlyMap<string, readonly TSESTree.CallExpression[]> {
  let byName = thisCallsByClass.get(cls);
  if (!byName) {
    const found = new Map<string, TSESTree.CallExpression[]>();
    walk(cls, (node) => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return;
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.ThisExpression || callee.computed) return;
      const name = (callee.property as TSESTree.Identifier).name;
      const calls = found.get(name);
      if (calls) calls.push(node);
      else found.set(name, [node]);
    });
    byName = found;
    thisCallsByClass.set(cls, byName);
  }
  return byName;
}

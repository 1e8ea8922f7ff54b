import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, unwrapExpression, walkSameFunction } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import { sameExpression } from './self-limiting-growth';

/**
 * `const cached = this.factories.get(type); if (cached) return cached; const factory = await
 * this.compiler.compile(type); this.factories.set(type, factory)`: the growth fills a miss — the
 * same function looks the key up first and stores what it computed for it. That is a cache of
 * results keyed by whatever callers ask for (angular/universal's module factories, cacheable's
 * shard-number memo), not a registry: a registry stores what its caller hands it
 * (`register(name, handler)`), and a fake store what it is given to save.
 */
export function fillsAMiss(growth: CollectionUse, uses: readonly CollectionUse[]): boolean {
  const fn = enclosingFunction(growth.site);
  const key = growth.key;
  if (!fn || !key || (growth.operation !== 'set' && growth.operation !== 'index-write')) return false;
  const lookedUpFirst = uses.some(
    (use) => (use.kind === 'read' || use.kind === 'has') && use.key !== undefined && use.site.range[0] < growth.site.range[0] && enclosingFunction(use.site) === fn && sameExpression(use.key, key),
  );
  if (!lookedUpFirst) return false;
  const value = storedValue(growth);
  return value !== undefined && computedIn(value, fn);
}

function storedValue(growth: CollectionUse): Node | undefined {
  const site = growth.site;
  if (site.type === AST_NODE_TYPES.CallExpression) return site.arguments[1];
  return site.type === AST_NODE_TYPES.AssignmentExpression ? site.right : undefined;
}

/** A call's result, or a local of `fn` holding one: made here, not handed in by the caller. */
function computedIn(value: Node, fn: Node): boolean {
  const node = unwrapExpression(value.type === AST_NODE_TYPES.AwaitExpression ? value.argument : value);
  if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) return true;
  if (node.type !== AST_NODE_TYPES.Identifier) return false;
  let computed = false;
  walkSameFunction((fn as TSESTree.FunctionLike).body ?? fn, (inner) => {
    if (inner.type === AST_NODE_TYPES.VariableDeclarator && inner.id.type === AST_NODE_TYPES.Identifier && inner.id.name === node.name && inner.init) {
      const init = unwrapExpression(inner.init.type === AST_NODE_TYPES.AwaitExpression ? inner.init.argument : inner.init);
      if (init.type === AST_NODE_TYPES.CallExpression || init.type === AST_NODE_TYPES.NewExpression || init.type === AST_NODE_TYPES.BinaryExpression) computed = true;
    }
  });
  return computed;
}

import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { bindingOf } from './memoised-functions';

/**
 * Batch loaders that memoise every key they load unless told otherwise: the `dataloader` package's
 * `DataLoader` caches each `load(key)` result in a plain Map for as long as the loader lives. Its
 * documentation says to make one loader per request; a loader made at module load (or by a factory
 * that runs at load) is a module-lived Map keyed by every id any request ever asked for — OpenCTI's
 * resolvers leaked that way until they passed `cache: false` (OpenCTI #2878), Open Collective's
 * top-level loaders too.
 */
const CACHING_LOADER_PACKAGES: ReadonlySet<string> = new Set(['dataloader']);

/** Options that bound the loader's cache: `cache` (false turns it off) or a `cacheMap` of your own. */
const BOUNDING_OPTIONS = new Set(['cache', 'cacheMap']);

/** `new DataLoader(batch, options)` with `DataLoader` imported or required from a caching loader package. */
function loaderConstruction(analysis: Analysis, init: Node): TSESTree.NewExpression | undefined {
  const node = unwrapExpression(init);
  if (node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = unwrapExpression(node.callee);
  // `new DataLoader(…)`, or `new dataloader.default(…)` under some CommonJS interop.
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier ? callee.object : undefined;
  if (!name) return undefined;
  const binding = bindingOf(analysis.scopeManager, name);
  if (!binding || !CACHING_LOADER_PACKAGES.has(binding.source)) return undefined;
  const imported = callee.type === AST_NODE_TYPES.MemberExpression ? (callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined) : binding.imported;
  return imported === undefined || imported === 'default' ? node : undefined;
}

/**
 * What a loader construction keeps: `unbounded` — every loaded key, for as long as the loader lives;
 * `bounded` — options that turn the cache off or give it a map of your own, or options this file
 * does not show (`{ ...defaults }`, a variable), which may; undefined — not a caching loader.
 */
export function cachingLoaderKind(analysis: Analysis, init: Node): 'unbounded' | 'bounded' | undefined {
  const construction = loaderConstruction(analysis, init);
  if (!construction) return undefined;
  const options = construction.arguments[1];
  if (!options) return 'unbounded';
  const node = unwrapExpression(options);
  if (node.type !== AST_NODE_TYPES.ObjectExpression) return 'bounded';
  for (const property of node.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return 'bounded';
    const key = property.computed ? undefined : property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
    if (key === undefined || BOUNDING_OPTIONS.has(key)) {
      // `cache: true` is the default, written out.
      const value = unwrapExpression(property.value);
      if (key === 'cache' && value.type === AST_NODE_TYPES.Literal && value.value === true) continue;
      return 'bounded';
    }
  }
  return 'unbounded';
}

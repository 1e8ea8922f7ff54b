import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { Refusal } from '../findings/finding';
import { writesTypeScript } from '../ast/typescript-syntax';
import type { LoaderCacheMapPlan } from './bounded-cache-plan';

const refuse = (reason: string): Refusal => ({ kind: 'refusal', reason });

/**
 * `new DataLoader(batch, { maxBatchSize })` kept for as long as the process: its cache is a Map of
 * every key it loaded. DataLoader takes any `get/set/delete/clear` object as `cacheMap`, and an
 * LRUCache is one, so the loader keeps batching and memoising within its bound
 * (`{ maxBatchSize, cacheMap: new LRUCache({ max }) }`). Only a construction whose options this
 * file writes as an object literal, or leaves out (the rule reports no other); `init` is the
 * `new DataLoader(…)` that `cachingLoaderKind` judged unbounded.
 */
export function planLoaderCacheMap(analysis: Analysis, init: Node): LoaderCacheMapPlan | Refusal {
  const construction = unwrapExpression(init) as TSESTree.NewExpression;
  const [batch, options] = construction.arguments;
  if (!batch || batch.type === AST_NODE_TYPES.SpreadElement || (options && options.type !== AST_NODE_TYPES.ObjectExpression)) {
    return refuse('it is a DataLoader, which caches every key it loads, and its options are not written here: make one loader per request, or pass `cache: false` (batching only) or a bounded `cacheMap`');
  }
  let typeArguments: string | undefined;
  if (writesTypeScript(analysis.ast)) {
    // `DataLoader<K, V, C = K>` caches `Promise<V>` under `C`; lru-cache cannot infer them from the option.
    const [key, value, cacheKey] = construction.typeArguments?.params ?? [];
    const text = (type: Node) => analysis.sourceText.slice(type.range[0], type.range[1]);
    if (!key || !value) return refuse('it is a DataLoader whose key and value types are not written (`new DataLoader<K, V>(…)`); the LRUCache given as its `cacheMap` needs them');
    if (analysis.oracle.admitsNullish(cacheKey ?? key)) return refuse(`it is a DataLoader keyed by \`${text(cacheKey ?? key)}\`, which admits null or undefined; lru-cache's keys cannot`);
    typeArguments = `<${text(cacheKey ?? key)}, Promise<${text(value)}>>`;
  }
  return { kind: 'bounded-cache', collection: 'loader', options: options ?? { after: batch }, typeArguments };
}

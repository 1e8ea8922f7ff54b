import { defineCodemod } from '../descriptors/codemod-descriptor';
import { noUnboundedCache } from '../detectors/no-unbounded-cache';
import { DEFAULT_MAX, editsForBoundedCache } from '../fix/bounded-cache-edits';
import type { BoundedCachePlan } from '../remedies/bounded-cache-plan';

/** Bounds long-lived caches with lru-cache's `LRUCache`, and trims growing arrays: the fix for `leakguard/no-unbounded-cache`. */
export const boundedCache = defineCodemod({
  name: 'bounded-cache',
  description:
    'Bounds a long-lived cache: a Map, Set or index-signature object becomes an LRUCache from lru-cache (--max, --ttl), or drops its oldest entry past --max where an LRUCache cannot stand in; a growing array keeps its newest --max entries; pending requests and connections are removed where they settle or close.',
  fixes: [noUnboundedCache],
  plan: 'bounded-cache' satisfies BoundedCachePlan['kind'],
  options: {
    max: {
      type: 'positive-integer',
      unit: 'the entries each cache keeps',
      description: 'entries each LRUCache keeps, and a growing array or a trimmed Map/Set (default 1000).',
    },
    ttl: {
      type: 'positive-integer',
      unit: 'milliseconds',
      placeholder: 'ms',
      description: 'lru-cache ttl in milliseconds (default: none).',
    },
  } as const,
  requiredPackages: ['lru-cache'],
  edits: (plan: BoundedCachePlan, file, options) =>
    editsForBoundedCache(plan, file.source, file.ast, { max: options.max ?? DEFAULT_MAX, ...(options.ttl !== undefined ? { ttl: options.ttl } : {}) }),
});

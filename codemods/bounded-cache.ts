import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';

/** Bounds long-lived caches with lru-cache's `LRUCache`, and trims growing arrays: the fix for `leakguard/no-unbounded-cache`. */
const transform = jscodeshiftTransform('bounded-cache');

export default transform;

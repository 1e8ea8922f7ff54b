import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';
import { boundedCache } from '../src/codemods/bounded-cache';

/** The `bounded-cache` codemod under plain `jscodeshift -t` (its descriptor: src/codemods/bounded-cache.ts). */
export default jscodeshiftTransform(boundedCache);

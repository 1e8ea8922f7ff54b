import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';
import { cleanupOnClose } from '../src/codemods/cleanup-on-close';

/** The `cleanup-on-close` codemod under plain `jscodeshift -t` (its descriptor: src/codemods/cleanup-on-close.ts). */
export default jscodeshiftTransform(cleanupOnClose);

import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';
import { tryFinallyClose } from '../src/codemods/try-finally-close';

/** The `try-finally-close` codemod under plain `jscodeshift -t` (its descriptor: src/codemods/try-finally-close.ts). */
export default jscodeshiftTransform(tryFinallyClose);

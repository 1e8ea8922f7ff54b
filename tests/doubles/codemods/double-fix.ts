import { jscodeshiftTransform } from '../../../src/codemod/jscodeshift-adapter';
import { doubleFix } from '../src/codemods/double-fix';

/** The `double-fix` codemod under plain `jscodeshift -t` (its descriptor: src/codemods/double-fix.ts). */
export default jscodeshiftTransform(doubleFix);

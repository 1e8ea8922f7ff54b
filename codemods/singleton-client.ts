import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';
import { singletonClient } from '../src/codemods/singleton-client';

/** The `singleton-client` codemod under plain `jscodeshift -t` (its descriptor: src/codemods/singleton-client.ts). */
export default jscodeshiftTransform(singletonClient);

import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';

/** Replaces a client created per call by one lazily created module-level client: the fix for `leakguard/no-client-per-call`. */
const transform = jscodeshiftTransform('singleton-client');

export default transform;

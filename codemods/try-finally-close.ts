import { jscodeshiftTransform } from '../src/codemod/jscodeshift-adapter';

/** Wraps the use of a handle in `try { … } finally { <release> }`: the fix for `leakguard/require-close`. */
const transform = jscodeshiftTransform('try-finally-close');

export default transform;

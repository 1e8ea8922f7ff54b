import type { TSESTree } from '@typescript-eslint/utils';

/** `double-fix` renames the called function: `openFirst()` → `openFirstSafely()`. */
export interface DoubleFixPlan {
  readonly kind: 'double-fix';
  readonly callee: TSESTree.Identifier;
}

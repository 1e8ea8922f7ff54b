import type { TSESTree } from '@typescript-eslint/utils';

/** Move the statements after an acquisition into `try { … } finally { <release> }`, or declare it with `using`. */
export interface WrapInTryFinallyPlan {
  readonly kind: 'wrap-in-try-finally';
  /** The `const x = acquire()` statement. */
  readonly declaration: TSESTree.VariableDeclaration;
  /** First and last statement (same statement list as `declaration`) that the `try` block covers. */
  readonly first: TSESTree.Statement;
  readonly last: TSESTree.Statement;
  /** Existing release statements that the `finally` replaces (a second close could close a reused fd). */
  readonly removals: readonly TSESTree.ExpressionStatement[];
  /** The release statement, e.g. `await fh.close();`. */
  readonly release: string;
  /** Typed mode: the handle's type implements disposal, so `using`/`await using` can replace the `try`. */
  readonly disposal: 'async' | 'sync' | undefined;
  /** Whether the owning function is async (`await using` needs it). */
  readonly inAsyncFunction: boolean;
}

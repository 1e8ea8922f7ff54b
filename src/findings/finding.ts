import type { TSESTree } from '@typescript-eslint/utils';

/**
 * A detector's verdict on one site. Rules report it; codemods apply its `remedy` when it is a plan
 * and explain it when it is a refusal. Detection is never written twice.
 */
export interface Finding {
  readonly ruleId: string;
  readonly messageId: string;
  /** The node the report points at; its range locates the site for the codemod too. */
  readonly node: TSESTree.Node;
  readonly data: Readonly<Record<string, string>>;
  readonly remedy: Remedy;
}

export type Remedy = FixPlan | Refusal;

/** Why the paired codemod leaves this finding alone; shown in the report and as a marker comment. */
export interface Refusal {
  readonly kind: 'refusal';
  readonly reason: string;
}

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

export type FixPlan = WrapInTryFinallyPlan;

export function isRefusal(remedy: Remedy): remedy is Refusal {
  return remedy.kind === 'refusal';
}

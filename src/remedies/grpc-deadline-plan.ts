import type { TSESTree } from '@typescript-eslint/utils';

/** Where `grpc-deadline` puts the deadline of one call. */
export type DeadlinePlacement =
  /** Into the call options literal the call already passes (`{ host }` → `{ deadline: …, host }`). */
  | { readonly kind: 'merge'; readonly options: TSESTree.ObjectExpression }
  /** A new options argument right before this one (the callback, which stays last). */
  | { readonly kind: 'before'; readonly argument: TSESTree.Node }
  /** A new options argument after the last one, or the only one when the call has none. */
  | { readonly kind: 'append'; readonly call: TSESTree.CallExpression };

/** What `grpc-deadline` needs to give one call of `leakguard/grpc-call-deadline` a deadline. */
export interface GrpcDeadlinePlan {
  readonly kind: 'grpc-deadline';
  readonly placement: DeadlinePlacement;
  /** A deadline the function already has (`deadline`): passed as it is instead of a new one. */
  readonly inScope?: string;
  /**
   * A server- or bidi-streaming call, or one whose kind cannot be told that takes no callback: it may
   * be meant to stay open (a watch, a subscription), so it gets a deadline only with
   * `--stream-deadline-ms`, and a marker otherwise.
   */
  readonly longLived: boolean;
}

import type { TSESTree } from '@typescript-eslint/utils';

/**
 * What a codemod can do about a finding. Each remedy declares its own plan type next to its planner
 * (`WrapInTryFinallyPlan`, `SingletonClientPlan` …) with a distinct `kind`: the set is open, and a
 * codemod descriptor names the one kind it applies.
 */
export interface RemedyPlan {
  readonly kind: string;
}

/** Why the codemod leaves this finding alone; shown in the report and as a marker comment. */
export interface Refusal {
  readonly kind: 'refusal';
  readonly reason: string;
}

export type Remedy<Plan extends RemedyPlan = RemedyPlan> = Plan | Refusal;

/** Plans are an open set, so `kind === 'refusal'` alone does not narrow: this does. */
export function isRefusal(remedy: Remedy): remedy is Refusal {
  return remedy.kind === 'refusal';
}

/**
 * A detector's verdict on one site. Rules report it; codemods apply its `remedy` when it is a plan
 * and explain it when it is a refusal. Detection is never written twice.
 */
export interface Finding<MessageId extends string = string, Plan extends RemedyPlan = RemedyPlan> {
  readonly ruleId: string;
  readonly messageId: MessageId;
  /** The node the report points at; its range locates the site for the codemod too. */
  readonly node: TSESTree.Node;
  readonly data: Readonly<Record<string, string>>;
  readonly remedy: Remedy<Plan>;
}

/**
 * A finding whose remedy is planned on first read. Planning can cost more than detecting (the
 * singleton planner reads every identifier and scope of the file), and a rule that offers no
 * suggestion never reads it; the codemod reads the remedies in finding order, so plans that share
 * per-file state (names, getters) come out as if planned eagerly.
 */
export function withLazyRemedy<MessageId extends string, Plan extends RemedyPlan>(
  finding: Omit<Finding<MessageId, Plan>, 'remedy'>,
  plan: () => Remedy<Plan>,
): Finding<MessageId, Plan> {
  let remedy: Remedy<Plan> | undefined;
  return {
    ...finding,
    get remedy() {
      remedy ??= plan();
      return remedy;
    },
  };
}

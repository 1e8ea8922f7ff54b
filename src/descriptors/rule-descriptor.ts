import type { Analysis } from '../analysis/analysis';
import type { Finding, RemedyPlan } from '../findings/finding';
import type { TextEdit } from '../fix/text-edit';
import type { OptionSpecs, OptionValues } from './option-spec';

/** An editor quick-fix: the same text edits a codemod would make, offered for a person to accept. */
export interface Suggestion<MessageId extends string> {
  readonly messageId: MessageId;
  readonly data?: Readonly<Record<string, string>>;
  readonly edits: readonly TextEdit[];
}

/**
 * Everything leakguard knows about one rule, declared once: the ESLint rule, both presets, `leakguard
 * list`, the docs header and the codemods that fix it are all derived from it. A rule may have no
 * codemod (suggestions only); which codemods fix it is said by the codemods (`fixes`).
 */
export interface RuleDescriptor<
  MessageId extends string = string,
  Specs extends OptionSpecs = OptionSpecs,
  Plan extends RemedyPlan = RemedyPlan,
> {
  /** Without the `leakguard/` prefix. */
  readonly name: string;
  readonly description: string;
  /** In both presets. */
  readonly recommended: boolean;
  /**
   * In `recommended-type-checked` only (with `recommended: false`): without types the rule reports
   * less precisely than the untyped preset promises.
   */
  readonly typeCheckedOnly?: boolean;
  /**
   * For a rule in no preset yet (it arrived opt-in, per the 0.x policy): the preset it joins in a later
   * 0.x minor — `both` where its untyped findings are as precise as its typed ones, `type-checked`
   * (`recommended-type-checked` only) where types are what keeps it precise.
   */
  readonly joinsPreset?: 'both' | 'type-checked';
  /** Every message the rule reports or suggests with; the codemod's report renders the same text. */
  readonly messages: Readonly<Record<MessageId, string>>;
  readonly options: Specs;
  /** A cheap text check: false when the file cannot hold a finding, so no AST work is done. */
  mayReport?(sourceText: string): boolean;
  detect(analysis: Analysis, options: OptionValues<Specs>): Finding<MessageId, Plan>[];
  /** Editor quick-fixes for a finding; rules without suggestions leave this out. */
  suggest?(finding: Finding<MessageId, Plan>, analysis: Analysis): Suggestion<MessageId>[];
}

/** Any rule, whatever its messages, options and plans: what lists, the CLI and the harness take. */
// Method syntax above keeps `detect`/`suggest` bivariant, so a specific rule is assignable here.
export type AnyRuleDescriptor = RuleDescriptor<string, OptionSpecs, RemedyPlan>;

export type MessageIdOf<Rule> = Rule extends RuleDescriptor<infer MessageId, OptionSpecs, RemedyPlan> ? MessageId : never;

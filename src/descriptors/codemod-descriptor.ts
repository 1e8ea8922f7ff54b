import type { TSESTree } from '@typescript-eslint/utils';
import type { RemedyPlan } from '../findings/finding';
import type { EditResult } from '../fix/text-edit';
import type { GivenOptions, OptionSpecs } from './option-spec';
import type { AnyRuleDescriptor } from './rule-descriptor';

/** The file a plan is applied to: the text the detector saw, and its AST. */
export interface PlannedFile {
  readonly source: string;
  readonly ast: TSESTree.Program;
}

/**
 * Everything leakguard knows about one codemod, declared once: the CLI (selection, flags, help,
 * validation, ESLint settings lookup), the `jscodeshift -t` adapter, `leakguard list`, the fixture
 * harness and the docs are derived from it.
 */
export interface CodemodDescriptor<Plan extends RemedyPlan = RemedyPlan, Specs extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  readonly description: string;
  /** The rules whose findings it rewrites: one or many. */
  readonly fixes: readonly AnyRuleDescriptor[];
  /**
   * The remedy kind it applies, or the kinds when it has a fallback (a client that cannot be shared is
   * closed where it is made); findings with another plan are skipped with a reason.
   */
  readonly plan: Plan['kind'] | readonly Plan['kind'][];
  /** Its own options: `--<name>` on the CLI and under `jscodeshift -t`. */
  readonly options: Specs;
  /** Packages the rewritten code imports: the user's project must depend on them. */
  readonly requiredPackages?: readonly string[];
  edits(plan: Plan, file: PlannedFile, options: GivenOptions<Specs>): EditResult;
}

/** Whether `codemod` applies plans of `kind`. */
export function appliesPlan(codemod: AnyCodemodDescriptor, kind: string): boolean {
  return typeof codemod.plan === 'string' ? codemod.plan === kind : codemod.plan.includes(kind);
}

export type AnyCodemodDescriptor = CodemodDescriptor<RemedyPlan, OptionSpecs>;

/** Keeps a descriptor's own types (its plan, its option values) while checking it against the interface. */
export function defineCodemod<Plan extends RemedyPlan, Specs extends OptionSpecs>(descriptor: CodemodDescriptor<Plan, Specs>): CodemodDescriptor<Plan, Specs> {
  return descriptor;
}

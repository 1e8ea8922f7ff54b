import { ruleDescriptors } from '../src/descriptors/catalog';
import type { OptionSpecs } from '../src/descriptors/option-spec';
import type { AnyRuleDescriptor } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type EslintRuleOf } from '../src/rule-creator';

export type RuleName = (typeof ruleDescriptors)[number]['name'];

/**
 * The ESLint rules, by name without the `leakguard/` prefix, made from the rule list in
 * src/descriptors/catalog.ts (the same objects `rules/<name>.ts` export). A meta-test checks each has
 * a rules/ file, docs and tests.
 */
export const rules: Readonly<Record<string, EslintRuleOf<string, OptionSpecs>>> = Object.fromEntries(
  ruleDescriptors.map((descriptor: AnyRuleDescriptor) => [descriptor.name, eslintRuleOf(descriptor)]),
);

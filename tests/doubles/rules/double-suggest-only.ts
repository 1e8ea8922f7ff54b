import { doubleSuggestOnly } from '../src/detectors/double-suggest-only';
import type { MessageIdOf } from '../../../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../../../src/rule-creator';

export type MessageIds = MessageIdOf<typeof doubleSuggestOnly>;

export type Options = RuleOptionsOf<typeof doubleSuggestOnly.options>;

/** `leakguard/double-suggest-only`, made from its descriptor (src/detectors/double-suggest-only.ts). */
export default eslintRuleOf(doubleSuggestOnly);

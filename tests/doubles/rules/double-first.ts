import { doubleFirst } from '../src/detectors/double-first';
import type { MessageIdOf } from '../../../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../../../src/rule-creator';

export type MessageIds = MessageIdOf<typeof doubleFirst>;

export type Options = RuleOptionsOf<typeof doubleFirst.options>;

/** `leakguard/double-first`, made from its descriptor (src/detectors/double-first.ts). */
export default eslintRuleOf(doubleFirst);

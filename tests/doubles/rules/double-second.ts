import { doubleSecond } from '../src/detectors/double-second';
import type { MessageIdOf } from '../../../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../../../src/rule-creator';

export type MessageIds = MessageIdOf<typeof doubleSecond>;

export type Options = RuleOptionsOf<typeof doubleSecond.options>;

/** `leakguard/double-second`, made from its descriptor (src/detectors/double-second.ts). */
export default eslintRuleOf(doubleSecond);

import { respectBackpressure } from '../src/detectors/respect-backpressure';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof respectBackpressure>;

export type Options = RuleOptionsOf<typeof respectBackpressure.options>;

/** `leakguard/respect-backpressure`, made from its descriptor (src/detectors/respect-backpressure.ts). */
export default eslintRuleOf(respectBackpressure);

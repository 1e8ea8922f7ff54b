import { noLeakedInterval } from '../src/detectors/no-leaked-interval';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof noLeakedInterval>;

export type Options = RuleOptionsOf<typeof noLeakedInterval.options>;

/** `leakguard/no-leaked-interval`, made from its descriptor (src/detectors/no-leaked-interval.ts). */
export default eslintRuleOf(noLeakedInterval);

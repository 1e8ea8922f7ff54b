import { noUnboundedCache } from '../src/detectors/no-unbounded-cache';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof noUnboundedCache>;

export type Options = RuleOptionsOf<typeof noUnboundedCache.options>;

/** `leakguard/no-unbounded-cache`, made from its descriptor (src/detectors/no-unbounded-cache.ts). */
export default eslintRuleOf(noUnboundedCache);

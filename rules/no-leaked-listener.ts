import { noLeakedListener } from '../src/detectors/no-leaked-listener';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof noLeakedListener>;

export type Options = RuleOptionsOf<typeof noLeakedListener.options>;

/** `leakguard/no-leaked-listener`, made from its descriptor (src/detectors/no-leaked-listener.ts). */
export default eslintRuleOf(noLeakedListener);

import { noClientPerCall } from '../src/detectors/no-client-per-call';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof noClientPerCall>;

export type Options = RuleOptionsOf<typeof noClientPerCall.options>;

/** `leakguard/no-client-per-call`, made from its descriptor (src/detectors/no-client-per-call.ts). */
export default eslintRuleOf(noClientPerCall);

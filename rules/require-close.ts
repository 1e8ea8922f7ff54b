import { requireClose } from '../src/detectors/require-close';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof requireClose>;

export type Options = RuleOptionsOf<typeof requireClose.options>;

/** `leakguard/require-close`, made from its descriptor (src/detectors/require-close.ts). */
export default eslintRuleOf(requireClose);

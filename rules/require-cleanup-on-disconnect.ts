import { requireCleanupOnDisconnect } from '../src/detectors/require-cleanup-on-disconnect';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof requireCleanupOnDisconnect>;

export type Options = RuleOptionsOf<typeof requireCleanupOnDisconnect.options>;

/** `leakguard/require-cleanup-on-disconnect`, made from its descriptor (src/detectors/require-cleanup-on-disconnect.ts). */
export default eslintRuleOf(requireCleanupOnDisconnect);

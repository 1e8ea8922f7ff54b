import { consumeResponseBody } from '../src/detectors/consume-response-body';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof consumeResponseBody>;

export type Options = RuleOptionsOf<typeof consumeResponseBody.options>;

/** `leakguard/consume-response-body`, made from its descriptor (src/detectors/consume-response-body.ts). */
export default eslintRuleOf(consumeResponseBody);

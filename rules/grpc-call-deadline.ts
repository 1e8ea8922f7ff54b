import { grpcCallDeadline } from '../src/detectors/grpc-call-deadline';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof grpcCallDeadline>;

export type Options = RuleOptionsOf<typeof grpcCallDeadline.options>;

/** `leakguard/grpc-call-deadline`, made from its descriptor (src/detectors/grpc-call-deadline.ts). */
export default eslintRuleOf(grpcCallDeadline);

import { grpcRequireKeepalive } from '../src/detectors/grpc-require-keepalive';
import type { MessageIdOf } from '../src/descriptors/rule-descriptor';
import { eslintRuleOf, type RuleOptionsOf } from '../src/rule-creator';

export type MessageIds = MessageIdOf<typeof grpcRequireKeepalive>;

export type Options = RuleOptionsOf<typeof grpcRequireKeepalive.options>;

/** `leakguard/grpc-require-keepalive`, made from its descriptor (src/detectors/grpc-require-keepalive.ts). */
export default eslintRuleOf(grpcRequireKeepalive);

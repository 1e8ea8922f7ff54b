import { defineCodemod } from '../descriptors/codemod-descriptor';
import { grpcRequireKeepalive } from '../detectors/grpc-require-keepalive';
import { DEFAULT_KEEPALIVE_TIME_MS, DEFAULT_KEEPALIVE_TIMEOUT_MS, editsForGrpcKeepalive } from '../fix/grpc-keepalive-edits';
import type { GrpcKeepalivePlan } from '../remedies/grpc-keepalive-plan';

/** Gives grpc-js servers and long-lived clients keepalive: the fix for `leakguard/grpc-require-keepalive`. */
export const grpcKeepalive = defineCodemod({
  name: 'grpc-keepalive',
  description:
    'Adds `grpc.keepalive_time_ms` and `grpc.keepalive_timeout_ms` to the options of grpc-js servers and long-lived clients and channels (--keepalive-time-ms, --keepalive-timeout-ms), creating or merging into the options object; never overwrites a value that is set.',
  fixes: [grpcRequireKeepalive],
  plan: 'grpc-keepalive' satisfies GrpcKeepalivePlan['kind'],
  options: {
    'keepalive-time-ms': {
      type: 'positive-integer',
      unit: 'milliseconds',
      placeholder: 'ms',
      description: 'how often to ping a quiet connection (default 300000; below it the report warns about GOAWAY too_many_pings).',
    },
    'keepalive-timeout-ms': {
      type: 'positive-integer',
      unit: 'milliseconds',
      placeholder: 'ms',
      description: 'how long a ping may go unanswered before the connection is closed (default 10000).',
    },
    'keepalive-permit-without-calls': {
      type: 'boolean',
      default: false,
      description: 'clients also ping while no call is open (`grpc.keepalive_permit_without_calls`; the servers must allow it).',
    },
  } as const,
  edits: (plan: GrpcKeepalivePlan, file, options) =>
    editsForGrpcKeepalive(plan, file.source, file.ast, {
      timeMs: options['keepalive-time-ms'] ?? DEFAULT_KEEPALIVE_TIME_MS,
      timeoutMs: options['keepalive-timeout-ms'] ?? DEFAULT_KEEPALIVE_TIMEOUT_MS,
      permitWithoutCalls: options['keepalive-permit-without-calls'] ?? false,
    }),
});

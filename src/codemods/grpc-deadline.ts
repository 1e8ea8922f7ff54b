import { defineCodemod } from '../descriptors/codemod-descriptor';
import { grpcCallDeadline } from '../detectors/grpc-call-deadline';
import { DEFAULT_DEADLINE_MS, editsForGrpcDeadline } from '../fix/grpc-deadline-edits';
import type { GrpcDeadlinePlan } from '../remedies/grpc-deadline-plan';

/** Gives gRPC calls a deadline: the fix for `leakguard/grpc-call-deadline`. */
export const grpcDeadline = defineCodemod({
  name: 'grpc-deadline',
  description:
    'Gives each gRPC call without a deadline `{ deadline: Date.now() + <ms> }` in its call options (--deadline-ms), or the deadline the function already has; long-lived streams only with --stream-deadline-ms.',
  fixes: [grpcCallDeadline],
  plan: 'grpc-deadline' satisfies GrpcDeadlinePlan['kind'],
  options: {
    'deadline-ms': {
      type: 'positive-integer',
      unit: 'milliseconds',
      placeholder: 'ms',
      description: 'the deadline of unary and client-streaming calls, from the call (default 10000).',
    },
    'stream-deadline-ms': {
      type: 'positive-integer',
      unit: 'milliseconds',
      placeholder: 'ms',
      description: 'the deadline of server- and bidi-streaming calls (default: none, they get a marker).',
    },
  } as const,
  edits: (plan: GrpcDeadlinePlan, file, options) =>
    editsForGrpcDeadline(plan, file.source, {
      deadlineMs: options['deadline-ms'] ?? DEFAULT_DEADLINE_MS,
      ...(options['stream-deadline-ms'] !== undefined ? { streamDeadlineMs: options['stream-deadline-ms'] } : {}),
    }),
});

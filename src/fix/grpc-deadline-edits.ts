import type { EditResult } from './text-edit';
import type { GrpcDeadlinePlan } from '../remedies/grpc-deadline-plan';

export const DEFAULT_DEADLINE_MS = 10_000;

export interface GrpcDeadlineValues {
  readonly deadlineMs: number;
  readonly streamDeadlineMs?: number;
}

/**
 * The edit that gives one call its deadline: `{ deadline: Date.now() + <ms> }` where the method's
 * overloads take call options (after the request and metadata, before the callback), or a `deadline`
 * property in the options literal it passes. A deadline the function already has is passed instead.
 */
export function editsForGrpcDeadline(plan: GrpcDeadlinePlan, source: string, values: GrpcDeadlineValues): EditResult {
  if (plan.longLived && plan.inScope === undefined && values.streamDeadlineMs === undefined) {
    return {
      refusal:
        'a streaming call that may be meant to stay open (a watch, a subscription) gets no blanket deadline: pass one that fits it, or run again with --stream-deadline-ms; keep keepalive on its channel and cancel it when its consumer goes away',
    };
  }
  const ms = plan.longLived ? (values.streamDeadlineMs ?? values.deadlineMs) : values.deadlineMs;
  const deadline = plan.inScope ?? `Date.now() + ${ms}`;
  const property = plan.inScope === 'deadline' ? 'deadline' : `deadline: ${deadline}`;
  const placement = plan.placement;
  switch (placement.kind) {
    case 'merge': {
      const first = placement.options.properties[0];
      if (!first) return { edits: [{ range: placement.options.range, text: `{ ${property} }` }] };
      return { edits: [{ range: [first.range[0], first.range[0]], text: `${property}, ` }] };
    }
    case 'before':
      return { edits: [{ range: [placement.argument.range[0], placement.argument.range[0]], text: `{ ${property} }, ` }] };
    case 'append': {
      const last = placement.call.arguments.at(-1);
      if (last) return { edits: [{ range: [last.range[1], last.range[1]], text: `, { ${property} }` }] };
      // `client.chat()`: the closing parenthesis is the call's last character.
      const close = placement.call.range[1] - 1;
      if (source[close] !== ')') return { refusal: 'the call’s argument list could not be located' };
      return { edits: [{ range: [close, close], text: `{ ${property} }` }] };
    }
  }
}

import type { FunctionNode } from '../ast/predicates';
import type { ConnectionObject, ExecutionRole, Framework, GrpcMethodKind, HandlerRole } from './execution-role';

/**
 * What ends the connection, request or call a piece of code runs for: the event to listen for (on
 * which object, through which property), an abort signal, or a React effect's cleanup. Work started
 * for the connection (an interval, a listener on a longer-lived emitter, a subscription) must be
 * released there: an SSE handler whose timer kept writing after the client left is the incident.
 */
export type ConnectionEnd =
  /** `req.on('close', …)`, `ctx.req.on('close', …)`, `request.raw.on('close', …)`, `call.on('cancelled', …)`. */
  | { readonly kind: 'event'; readonly object: ConnectionObject; readonly path: readonly string[]; readonly events: readonly string[] }
  /** `signal.addEventListener('abort', …)`, or passing the signal on (`{ signal }`). */
  | { readonly kind: 'abort-signal'; readonly object: ConnectionObject }
  /** The function a React effect returns runs when the component unmounts or the effect re-runs. */
  | { readonly kind: 'effect-cleanup'; readonly effect: FunctionNode };

/** Where each framework says the client left: the property path from the parameter, and the events. */
function eventEnd(framework: Framework, object: ConnectionObject, method: GrpcMethodKind | undefined): ConnectionEnd {
  switch (object.object) {
    case 'context':
      // koa: `ctx.req` is the node:http request.
      return { kind: 'event', object, path: ['req'], events: ['close'] };
    case 'request':
    case 'response':
      // fastify wraps them: the node:http objects are `request.raw` and `reply.raw`.
      return { kind: 'event', object, path: framework === 'fastify' ? ['raw'] : [], events: ['close'] };
    case 'socket':
      // socket.io says `disconnect`; ws and net sockets say `close`.
      return { kind: 'event', object, path: [], events: framework === 'socket.io' ? ['disconnect'] : ['close'] };
    case 'call':
      // grpc-js: a unary call only says `cancelled`; a stream also ends with `error` or `close`.
      return { kind: 'event', object, path: [], events: method === 'unary' ? ['cancelled'] : ['cancelled', 'error', 'close'] };
    case 'signal':
      return { kind: 'abort-signal', object };
  }
}

/** The ends of the connection `role`'s code runs for; none for code that runs for no connection. */
export function connectionEndsOf(role: ExecutionRole): ConnectionEnd[] {
  switch (role.kind) {
    case 'request-handler':
    case 'connection-handler':
      return role.connection.map((object) => eventEnd(role.framework, object, undefined));
    case 'stream-handler':
      return role.connection.map((object) => eventEnd(role.framework, object, role.method));
    case 'effect':
      return [{ kind: 'effect-cleanup', effect: role.function }];
    default:
      return [];
  }
}

/**
 * The end a cleanup belongs on, for a handler: the first named connection object's event (`req`
 * before `res`: the request's 'close' fires when the client leaves, whichever is named first in the
 * signature), or its signal. Undefined when no connection object has a name (destructured).
 */
export function primaryConnectionEnd(role: HandlerRole): ConnectionEnd | undefined {
  return connectionEndsOf(role).find((end) => end.kind !== 'effect-cleanup' && end.object.name !== undefined);
}

/** The object an end is observed on, as code: `req`, `ctx.req`, `request.raw`, `call`. */
export function connectionEndTarget(end: Exclude<ConnectionEnd, { kind: 'effect-cleanup' }>): string {
  const name = end.object.name ?? end.object.object;
  return end.kind === 'event' ? [name, ...end.path].join('.') : name;
}

/** The end in a report's words: "`req`'s 'close'", "`call`'s 'cancelled'", "`signal`'s 'abort'". */
export function describeConnectionEnd(end: ConnectionEnd | undefined): string {
  if (!end) return 'the connection’s end';
  if (end.kind === 'effect-cleanup') return 'the effect’s cleanup';
  const events = end.kind === 'event' ? end.events.filter((event) => event !== 'error') : ['abort'];
  return `\`${connectionEndTarget(end)}\`’s ${events.map((event) => `'${event}'`).join(' / ')}`;
}

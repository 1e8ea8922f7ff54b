import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { writesTypeScript } from '../ast/typescript-syntax';
import type { Refusal, Remedy } from '../findings/finding';
import { connectionEndsOf, type ConnectionEnd } from '../lifetime/connection-end';
import { enclosingConnectionHandler } from '../lifetime/connection-scope';
import type { Execution } from '../lifetime/execution';
import type { ConnectionObject } from '../lifetime/execution-role';
import { timerHandleValue } from '../lifetime/timer-calls';
import type { CleanupOnClosePlan, WorkEnd, WorkReference, WorkRelease } from './cleanup-on-close-plan';

/**
 * Builds `cleanup-on-close` plans from what a detector knows about one start of work: the start call,
 * how its result is kept, and the execution that starts it. Shared by the rules the codemod fixes, so
 * what is released and where is decided once.
 */



/** `order` → `onOrder`, `user:joined` → `onUserJoined`; a computed event: `onEvent`. */
export function listenerName(event: Node | undefined): string {
  const value = event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? event.value : undefined;
  const words = (value ?? 'event').split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((word) => word[0].toUpperCase() + word.slice(1)).join('');
  return /^[A-Za-z]/.test(name) ? `on${name}` : 'onEvent';
}

/**
 * The annotation that keeps a hoisted inline listener's parameters as the add made them. An
 * EventEmitter listener is `(...args: any[]) => void`: `any` is exactly that. A DOM listener's
 * event comes from the target's event map.
 */
function listenerParameterType(api: ListenerApi, target: Node, event: Node): string {
  if (api === 'emitter') return 'any';
  const literal = event.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? event.raw : undefined;
  const object = unwrapExpression(target);
  if (literal && object.type === AST_NODE_TYPES.Identifier && object.name === 'window') return `WindowEventMap[${literal}]`;
  if (literal && object.type === AST_NODE_TYPES.Identifier && object.name === 'document') return `DocumentEventMap[${literal}]`;
  return 'Event';
}

export type ListenerApi = 'emitter' | 'event-target' | 'abort-signal';

/** `bus.off('order', onOrder)` for `bus.on('order', …)`: the same target, event and function. */
export function listenerRelease(call: TSESTree.CallExpression, api: ListenerApi, analysis: Analysis): WorkRelease | Refusal {
  const callee = unwrapExpression(call.callee);
  const [event, listener, options] = call.arguments;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !event || !listener || event.type === AST_NODE_TYPES.SpreadElement || listener.type === AST_NODE_TYPES.SpreadElement) {
    return { kind: 'refusal', reason: 'the listener cannot be told apart in this call' };
  }
  const value = unwrapExpression(listener);
  let reference: WorkReference;
  if (isFunction(value)) {
    reference = {
      kind: 'unnamed',
      value: listener,
      proposedName: listenerName(event),
      ...(writesTypeScript(analysis.ast) ? { parameterType: listenerParameterType(api, callee.object, event) } : {}),
    };
  } else if (value.type === AST_NODE_TYPES.Identifier || (value.type === AST_NODE_TYPES.MemberExpression && !hasCall(value))) {
    reference = { kind: 'named', text: analysis.sourceText.slice(listener.range[0], listener.range[1]) };
  } else {
    // `this.onChange.bind(this)` makes a new function at each call: a removal with another one removes nothing.
    return { kind: 'refusal', reason: 'the listener is made in the call (`.bind(…)`, a factory): keep it in a variable or field, add and remove that same function' };
  }
  const method = api === 'emitter' ? 'off' : 'removeEventListener';
  const capture = api === 'emitter' ? undefined : captureOption(options);
  return { kind: 'remove-listener', target: callee.object, event, listener: reference, method, ...(capture ? { capture } : {}) };
}

function hasCall(node: Node): boolean {
  for (let current: Node = node; current.type === AST_NODE_TYPES.MemberExpression; current = unwrapExpression(current.object)) {
    if (unwrapExpression(current.object).type === AST_NODE_TYPES.CallExpression) return true;
  }
  return false;
}

/** `removeEventListener` matches on `capture` alone: pass it on when the add's options may set it. */
function captureOption(options: TSESTree.CallExpressionArgument | undefined): TSESTree.Node | undefined {
  if (!options || options.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const value = unwrapExpression(options);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    const capture = value.properties.find(
      (property) => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'capture',
    );
    return capture;
  }
  return options;
}

/** How an interval's handle is kept, as the interval detector saw it. */
export type KeptHandle = { readonly kind: 'dropped' } | { readonly kind: 'variable'; readonly name: string } | { readonly kind: 'slot'; readonly text: string };

export function timerRelease(call: TSESTree.CallExpression, kept: KeptHandle, clear: 'clearInterval' | 'clearTimeout'): WorkRelease {
  const handle: WorkReference =
    kept.kind === 'dropped'
      ? { kind: 'unnamed', value: timerHandleValue(call), proposedName: clear === 'clearInterval' ? 'interval' : 'timeout' }
      : { kind: 'named', text: kept.kind === 'variable' ? kept.name : kept.text };
  return { kind: 'clear-timer', clear, handle };
}

/** The words of a release for a marker: "`clearInterval(interval)` (keep the handle first)". */
export function describeRelease(release: WorkRelease, source: string): string {
  const text = (node: Node) => source.slice(node.range[0], node.range[1]);
  const name = (reference: WorkReference) => (reference.kind === 'named' ? reference.text : reference.proposedName);
  const keep = (reference: WorkReference, what: string) => (reference.kind === 'unnamed' ? ` (keep the ${what} in a variable \`${reference.proposedName}\` first)` : '');
  switch (release.kind) {
    case 'clear-timer':
      return `\`${release.clear}(${name(release.handle)})\`${keep(release.handle, 'handle')}`;
    case 'remove-listener':
      return `\`${text(release.target)}.${release.method}(${text(release.event)}, ${name(release.listener)})\`${keep(release.listener, 'listener')}`;
    case 'call-returned':
      return `\`${name(release.handle)}()\`${keep(release.handle, 'returned function')}`;
    case 'call-method':
      return `\`${name(release.handle)}.${release.method}()\`${keep(release.handle, 'value')}`;
    case 'pipe-to-pipeline':
      return '`pipeline(…)` from node:stream instead of `pipe`';
  }
}

/** What to write in a marker when nothing in the source ends the work. */
export function noEndRefusal(release: WorkRelease, where: string, source: string): Refusal {
  return { kind: 'refusal', reason: `the codemod cannot tell where this work ends: call ${describeRelease(release, source)} ${where}` };
}

/** The React effect that `call` runs in directly (not in a callback inside it), if the execution is one. */
export function effectOf(call: TSESTree.CallExpression, execution: Execution): FunctionNode | undefined {
  if (execution.role.kind !== 'effect') return undefined;
  return enclosingFunction(call) === execution.role.function ? execution.role.function : undefined;
}

/**
 * The end of work started in an async function with its caller's signal: the call settles. Only
 * where the start is a statement of the function's own body, so the rest of it can be wrapped.
 */
export function settlingCall(call: TSESTree.CallExpression): FunctionNode | undefined {
  const fn = enclosingFunction(call);
  if (!fn?.async || fn.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const statement = outermostWrapper(call).parent;
  return statement?.type === AST_NODE_TYPES.ExpressionStatement && statement.parent === fn.body ? fn : undefined;
}

/** A plan, or the marker that says what to release where when `end` is none. */
export function cleanupRemedy(call: TSESTree.CallExpression, release: WorkRelease | Refusal, end: WorkEnd, analysis: Analysis): Remedy<CleanupOnClosePlan> {
  if (release.kind === 'refusal') return release;
  if (end.kind === 'none') return noEndRefusal(release, end.where, analysis.sourceText);
  return { kind: 'cleanup-on-close', start: call, release, end };
}

/** Which connection object's end is registered on first: the request (the issue's `req.on('close')`), then the others. */
const END_PREFERENCE: readonly ConnectionObject['object'][] = ['request', 'context', 'call', 'socket', 'response', 'signal'];

/**
 * The end of the connection whose handler `site` runs in (at any depth), as a place for the release:
 * `req.on('close', …)`, `ctx.req.on('close', …)`, `request.raw.on('close', …)`, `call.on('cancelled'
 * | 'close', …)`, `socket.on('disconnect', …)`, or the handler's signal's `abort`. Undefined when the
 * handler's connection object has no name to reach it by (a destructured parameter).
 */
export function connectionWorkEnd(site: Node, analysis: Analysis): WorkEnd | undefined {
  const role = enclosingConnectionHandler(site, analysis.oracle);
  if (!role) return undefined;
  const ends = connectionEndsOf(role).filter((end): end is Extract<ConnectionEnd, { kind: 'event' | 'abort-signal' }> => end.kind !== 'effect-cleanup' && end.object.name !== undefined);
  const rank = (end: (typeof ends)[number]) => END_PREFERENCE.indexOf(end.object.object);
  const end = ends.sort((a, b) => rank(a) - rank(b))[0];
  if (!end) return undefined;
  const object = [end.object.name!, ...(end.kind === 'event' ? end.path : [])].join('.');
  if (end.kind === 'abort-signal') return { kind: 'abort-event', signal: object };
  // grpc-js: a stream that ends with an error also emits `close`; registering on both is what the issue asks.
  const events = end.events.filter((event) => event !== 'error');
  return { kind: 'connection-event', object, events };
}

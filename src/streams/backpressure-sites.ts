import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';
import { describeRole, type ExecutionRole } from '../lifetime/execution-role';
import { referenceKey } from '../lifetime/reference-keys';
import type { TypeOracle } from '../oracle/type-oracle';
import type { DrainWait } from './drain-waits';
import { isWritableReceiver } from './writable-receivers';

/**
 * What makes a write run again and again whatever the reader does: a loop (an async iterator's
 * `for await` included), a `forEach`-style callback, an interval, or a listener of another source
 * (a bus, a readable's `data`). The write's `false` is the only signal that the reader keeps up.
 */
export type RepeatingSource =
  | { readonly kind: 'loop'; readonly body: Node; readonly loop: Node; readonly async: boolean }
  | { readonly kind: 'iteration'; readonly body: FunctionNode }
  | { readonly kind: 'interval'; readonly body: FunctionNode }
  | { readonly kind: 'listener'; readonly body: FunctionNode; readonly event: string | undefined; readonly source: Node };

export interface IgnoredWrite {
  readonly call: TSESTree.CallExpression;
  readonly writer: TSESTree.Expression;
  readonly repeating: RepeatingSource;
  readonly role: ExecutionRole;
}

/**
 * Backpressure read in the repeating code: a `drain` wait, the stream's own buffer gauges, or the
 * source paused. Any of them says the code thinks about the reader; the rule does not judge how well.
 */
const BUFFER_GAUGES = new Set(['writableNeedDrain', 'writableLength', 'bufferedAmount', 'writableHighWaterMark']);

/**
 * Is the write's result dropped? A statement of its own (`w.write(x);`, `void w.write(x)`), or the
 * body of an arrow handed to a listener, a timer or `forEach`, whose return value nobody reads.
 */
function isResultIgnored(call: TSESTree.CallExpression): boolean {
  const value = outermostWrapper(call);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return true;
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return outermostWrapper(parent).parent?.type === AST_NODE_TYPES.ExpressionStatement;
  if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) {
    const holder = outermostWrapper(parent).parent;
    return holder?.type === AST_NODE_TYPES.CallExpression && holder.arguments.includes(parent);
  }
  return false;
}

const LISTENER_ADDERS = new Set(['on', 'addListener', 'prependListener', 'addEventListener']);

/**
 * `const onOrder = (order) => res.write(…); bus.on('order', onOrder)`: a function declared first and
 * handed to a listener method by name is that listener.
 */
function listenerByName(fn: FunctionNode, scopeManager: ScopeManagerLike): RepeatingSource | undefined {
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : undefined;
  const variable = holder && scopeManager.getDeclaredVariables(holder)[0];
  for (const reference of variable?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[1] !== reference.identifier) continue;
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !LISTENER_ADDERS.has(staticPropertyName(callee) ?? '')) continue;
    const event = call.arguments[0];
    return { kind: 'listener', body: fn, event: event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? event.value : undefined, source: callee.object };
  }
  return undefined;
}

function repeatingSourceOf(call: TSESTree.CallExpression, role: ExecutionRole, scopeManager: ScopeManagerLike): RepeatingSource | undefined {
  switch (role.kind) {
    case 'loop-body': {
      const fn = enclosingFunction(call);
      const forAwait = role.loop.type === AST_NODE_TYPES.ForOfStatement && role.loop.await;
      return { kind: 'loop', body: role.loop.body, loop: role.loop, async: forAwait || (fn?.async ?? false) };
    }
    case 'iteration-callback':
      return { kind: 'iteration', body: role.function };
    case 'timer-callback':
      return role.registration.timer === 'setInterval' ? { kind: 'interval', body: role.function } : undefined;
    case 'listener':
      return { kind: 'listener', body: role.function, event: role.registration.event, source: role.registration.target };
    case 'function':
      return listenerByName(role.function, scopeManager);
    default:
      return undefined;
  }
}

/** A heartbeat (`res.write(': ping\n\n')` every 15 s) adds a few bytes a period: not the incident. */
function writesConstant(call: TSESTree.CallExpression): boolean {
  const chunk = call.arguments[0];
  return chunk?.type === AST_NODE_TYPES.Literal || (chunk?.type === AST_NODE_TYPES.TemplateLiteral && chunk.expressions.length === 0);
}

/** Evidence of backpressure in the repeating code, for this writer: see BUFFER_GAUGES. */
function readsBackpressure(body: Node, writerKey: string | undefined, waits: readonly DrainWait[], scopeManager: ScopeManagerLike): boolean {
  if (waits.some((wait) => isInside(wait.wait, body))) return true;
  let found = false;
  walkSameFunction(body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticPropertyName(node);
    if (name !== undefined && BUFFER_GAUGES.has(name)) found = true;
    // `source.pause()` until `drain`: the reader sets the pace.
    if (name === 'pause' && node.parent?.type === AST_NODE_TYPES.CallExpression) found = true;
    return undefined;
  });
  if (found) return true;
  // `await write(w, chunk)`, `await flush(w)`: a helper that takes the writer and is awaited decides.
  if (writerKey === undefined) return false;
  walkSameFunction(body, (node) => {
    if (found || node.type !== AST_NODE_TYPES.AwaitExpression) return !found;
    const argument = unwrapExpression(node.argument);
    if (argument.type !== AST_NODE_TYPES.CallExpression) return undefined;
    if (argument.arguments.some((value) => value.type !== AST_NODE_TYPES.SpreadElement && referenceKey(value, scopeManager) === writerKey)) found = true;
    return undefined;
  });
  return found;
}

/** The listener's source is the writer itself (`socket.on('data', …)` answering on `socket`, a `drain` resume): its own pace. */
function listensToWriter(source: Node, writerKey: string | undefined, scopeManager: ScopeManagerLike): boolean {
  return writerKey !== undefined && referenceKey(source, scopeManager) === writerKey;
}

/**
 * Every `write()` on a node Writable in repeating code whose `false` is dropped with nothing in the
 * repeating code waiting for `drain` (or reading the buffer, or pausing the source).
 */
export function ignoredWritesOf(
  calls: readonly TSESTree.CallExpression[],
  waits: readonly DrainWait[],
  scopeManager: ScopeManagerLike,
  oracle: TypeOracle,
): IgnoredWrite[] {
  const found: IgnoredWrite[] = [];
  for (const call of calls) {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'write' || call.arguments.length === 0) continue;
    if (!isResultIgnored(call)) continue;
    const role = executionOf(call, oracle).role;
    const repeating = repeatingSourceOf(call, role, scopeManager);
    if (!repeating) continue;
    const writer = callee.object;
    const writerKey = referenceKey(writer, scopeManager);
    if (repeating.kind === 'listener' && (repeating.event === 'drain' || listensToWriter(repeating.source, writerKey, scopeManager))) continue;
    if (repeating.kind === 'interval' && writesConstant(call)) continue;
    if (readsBackpressure(repeating.body, writerKey, waits, scopeManager)) continue;
    if (!isWritableReceiver(writer, scopeManager, oracle)) continue;
    found.push({ call, writer, repeating, role });
  }
  return found;
}

/** How the report names what repeats the write. */
export function describeRepeating(write: IgnoredWrite): string {
  if (write.repeating.kind === 'loop') return write.repeating.async ? 'an async loop' : 'a loop';
  if (write.repeating.kind === 'listener' && write.role.kind === 'function') return `a \`${write.repeating.event ?? 'event'}\` listener`;
  return describeRole(write.role);
}


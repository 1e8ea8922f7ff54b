import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { Finding, Refusal, Remedy } from '../findings/finding';
import { connectionPeer, pipeDestination } from '../flow/connection-peer';
import { connectionEndTarget, describeConnectionEnd, primaryConnectionEnd } from '../lifetime/connection-end';
import { awaitsInside, checksConnectionEnd, connectionObjectOf, inSameFunction } from '../lifetime/connection-end-checks';
import { enclosingConnectionHandler } from '../lifetime/connection-scope';
import { describeRole, type HandlerRole } from '../lifetime/execution-role';
import { referenceKey } from '../lifetime/reference-keys';
import { callsOfFile } from '../lifetime/site-execution';
import { isSubscriptionKept, subscriptionAt } from '../lifetime/subscriptions';
import { timerHandleValue } from '../lifetime/timer-calls';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import { stripNodePrefix } from '../registry/specifiers';
import type { CleanupOnClosePlan, WorkEnd, WorkReference, WorkRelease } from '../remedies/cleanup-on-close-plan';
import { judgeIntervals } from './no-leaked-interval';
import { judgeListeners } from './no-leaked-listener';
import { listenerRelease } from '../remedies/plan-cleanup-on-close';

export const REQUIRE_CLEANUP_ON_DISCONNECT = 'require-cleanup-on-disconnect';

const requireCleanupOnDisconnectOptions = {} as const;

type RequireCleanupOnDisconnectMessageId =
  | 'intervalOutlivesConnection'
  | 'rearmOutlivesConnection'
  | 'iteratorOutlivesConnection'
  | 'listenerOutlivesConnection'
  | 'subscriptionOutlivesConnection'
  | 'loopOutlivesConnection'
  | 'writeLoopIgnoresEnd'
  | 'pipeNotDestroyed';

type RequireCleanupOnDisconnectFinding = Finding<RequireCleanupOnDisconnectMessageId, CleanupOnClosePlan>;

/**
 * Where `cleanup-on-close` registers the release: the handler's connection end right after the
 * start (`req.on('close', …)`, `call.on('cancelled' | 'close', …)`, `socket.on('disconnect', …)`), or
 * its signal's `abort`. Undefined when the connection object has no name (a destructured parameter).
 */
function workEndOf(handler: HandlerRole): WorkEnd | undefined {
  const end = primaryConnectionEnd(handler);
  if (!end || end.kind === 'effect-cleanup') return undefined;
  if (end.kind === 'abort-signal') return { kind: 'abort-event', signal: connectionEndTarget(end) };
  // A grpc-js stream that fails emits `close` too: 'error' needs no registration of its own.
  return { kind: 'connection-event', object: connectionEndTarget(end), events: end.events.filter((event) => event !== 'error') };
}

function remedyAt(start: Node, release: WorkRelease | Refusal, handler: HandlerRole): Remedy<CleanupOnClosePlan> {
  if (release.kind === 'refusal') return release;
  const end = workEndOf(handler);
  if (!end) return { kind: 'refusal', reason: 'the connection object is destructured in the handler’s parameters: name it, and release the work on its end' };
  if (start.type !== AST_NODE_TYPES.CallExpression) return { kind: 'refusal', reason: 'the work does not start with a call the codemod can register a release after' };
  return { kind: 'cleanup-on-close', start, release, end };
}

/** Calls that put data on the connection: `res.write`, `call.write`, `ws.send`, `socket.emit`. */
const CONNECTION_WRITES = new Set(['write', 'send', 'emit', 'push', 'sse', 'writeSSE']);

/** Sources that are plain objects of the handler: they die with it (no descriptor, no upstream socket). */
const LOCAL_STREAM_FACTORIES = new Set(['from']);

/** `while (true)`, `for (;;)`, `do … while (1)`: no way out but `break`, `return` or `throw`. */
function isEndless(loop: Node): boolean {
  if (loop.type === AST_NODE_TYPES.ForStatement) return loop.test === null;
  if (loop.type !== AST_NODE_TYPES.WhileStatement && loop.type !== AST_NODE_TYPES.DoWhileStatement) return false;
  const test = unwrapExpression(loop.test);
  return test.type === AST_NODE_TYPES.Literal && Boolean(test.value);
}

/** A `break`, `return` or `throw` of the loop itself (not of a nested function). */
function leavesLoop(loop: Node): boolean {
  let leaves = false;
  walkSameFunction(loop, (node) => {
    if (leaves) return false;
    if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) leaves = true;
    if (node.type === AST_NODE_TYPES.BreakStatement && (node.label !== null || !insideInnerLoopOrSwitch(node, loop))) leaves = true;
    return leaves ? false : undefined;
  });
  return leaves;
}

function insideInnerLoopOrSwitch(node: Node, loop: Node): boolean {
  for (let current = node.parent; current && current !== loop; current = current.parent) {
    if (
      current.type === AST_NODE_TYPES.SwitchStatement ||
      current.type === AST_NODE_TYPES.ForStatement ||
      current.type === AST_NODE_TYPES.ForOfStatement ||
      current.type === AST_NODE_TYPES.ForInStatement ||
      current.type === AST_NODE_TYPES.WhileStatement ||
      current.type === AST_NODE_TYPES.DoWhileStatement
    ) {
      return true;
    }
  }
  return false;
}

/** The word a report uses for what ends the connection, where the handler has one. */
function endOf(handler: HandlerRole): string {
  return describeConnectionEnd(primaryConnectionEnd(handler));
}

class DisconnectJudge {
  readonly findings: RequireCleanupOnDisconnectFinding[] = [];
  readonly #calls: TSESTree.CallExpression[];

  constructor(private readonly analysis: Analysis) {
    this.#calls = callsOfFile(analysis.ast);
  }

  run(): RequireCleanupOnDisconnectFinding[] {
    this.#judgeIntervals();
    this.#judgeListeners();
    for (const call of this.#calls) {
      this.#judgeSubscription(call);
      this.#judgePipe(call);
    }
    this.#judgeLoops();
    return this.findings.sort((a, b) => a.node.range[0] - b.node.range[0]);
  }

  #report(node: Node, messageId: RequireCleanupOnDisconnectMessageId, data: Record<string, string>, remedy: Remedy<CleanupOnClosePlan>): void {
    this.findings.push({ ruleId: REQUIRE_CLEANUP_ON_DISCONNECT, messageId, node: node, data, remedy });
  }

  /** `const subscription = source.subscribe(…)`: the variable's name, when the start is kept in one. */
  #keptName(call: TSESTree.CallExpression): string | undefined {
    const parent = outermostWrapper(call).parent;
    return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier ? parent.id.name : undefined;
  }

  /** The interval judge over connection-scoped sites: every interval it would report, said in this rule's words. */
  #judgeIntervals(): void {
    for (const { finding, handler, handle, overwrittenSlot } of judgeIntervals(this.analysis, 'connection-scoped')) {
      if (!handler) continue;
      const data = { where: describeRole(handler), end: endOf(handler) };
      if (finding.messageId === 'rearmedForever') {
        this.#report(finding.node, 'rearmOutlivesConnection', { ...data, function: finding.data.function ?? 'this function' }, {
          kind: 'refusal',
          reason: `test a flag before \`${finding.data.function ?? 'it'}\` re-arms, and set it on ${data.end}`,
        });
      } else if (finding.messageId === 'iteratorNeverEnds') {
        this.#report(finding.node, 'iteratorOutlivesConnection', data, { kind: 'refusal', reason: `pass \`setInterval\` a \`signal\` (its third argument) from an \`AbortController\` aborted on ${data.end}` });
      } else {
        const call = finding.node as TSESTree.CallExpression;
        const reference: WorkReference = handle === undefined ? { kind: 'unnamed', value: timerHandleValue(call), proposedName: 'interval' } : { kind: 'named', text: handle };
        const release: WorkRelease = { kind: 'clear-timer', clear: 'clearInterval', handle: reference };
        const remedy: Remedy<CleanupOnClosePlan> = overwrittenSlot
          ? { kind: 'cleanup-on-close', start: call, release, end: { kind: 'before-overwrite', slot: overwrittenSlot } }
          : remedyAt(call, release, handler);
        this.#report(finding.node, 'intervalOutlivesConnection', { ...data, timer: finding.data.timer ?? 'setInterval' }, remedy);
      }
    }
  }

  #judgeListeners(): void {
    for (const { finding, handler, call, target } of judgeListeners(this.analysis, 'connection-scoped')) {
      if (!handler) continue;
      const release = listenerRelease(call, target?.api ?? 'event-target', this.analysis);
      this.#report(
        finding.node,
        'listenerOutlivesConnection',
        {
          where: describeRole(handler),
          end: endOf(handler),
          event: finding.data.event ?? 'event',
          target: finding.data.target ?? 'the emitter',
          remove: finding.data.remove ?? 'off',
        },
        remedyAt(call, release, handler),
      );
    }
  }

  /** `orders$.subscribe(…)` in a handler, dropped or never ended. */
  #judgeSubscription(call: TSESTree.CallExpression): void {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'subscribe') return;
    const handler = enclosingConnectionHandler(call, this.analysis.oracle);
    if (!handler) return;
    const subscription = subscriptionAt(call, this.analysis.scopeManager, this.analysis.oracle);
    if (!subscription || isSubscriptionKept(call, this.analysis.scopeManager)) return;
    const release = { unsubscribe: '`unsubscribe()` it', call: 'call the unsubscribe function it returns', dispose: 'dispose it' }[subscription.release];
    const kept = this.#keptName(call);
    const handle: WorkReference = kept ? { kind: 'named', text: kept } : { kind: 'unnamed', value: call, proposedName: subscription.release === 'call' ? 'unsubscribe' : 'subscription' };
    const plannedRelease: WorkRelease =
      subscription.release === 'call' ? { kind: 'call-returned', handle } : { kind: 'call-method', handle, method: subscription.release === 'unsubscribe' ? 'unsubscribe' : 'dispose' };
    this.#report(
      call,
      'subscriptionOutlivesConnection',
      { where: describeRole(handler), end: endOf(handler), source: this.#text(subscription.source), release },
      remedyAt(call, plannedRelease, handler),
    );
  }

  /**
   * `source.pipe(res)`: when the client leaves, `.pipe()` unpipes but neither destroys nor ends the
   * source, which stays paused with its descriptor or upstream socket. A registry handle's pipe
   * (`createReadStream(f).pipe(res)`, kept in a variable) is `require-close`'s finding (one site, one
   * report); this rule reports the other sources: one piped inline, an upstream response, a stream a call returns.
   */
  #judgePipe(call: TSESTree.CallExpression): void {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'pipe' || call.arguments.length === 0) return;
    const destination = pipeDestination(callee.object);
    if (!destination) return;
    const handler = enclosingConnectionHandler(call, this.analysis.oracle);
    if (!handler) return;
    const { scopeManager, oracle } = this.analysis;
    const peer = connectionPeer(destination, scopeManager, oracle);
    if (!peer) return;
    const source = unwrapExpression(callee.object);
    if (this.#isHandledElsewhere(source, handler)) return;
    this.#report(
      call,
      'pipeNotDestroyed',
      { source: this.#text(source), peer: peer.name, end: endOf(handler) },
      { kind: 'cleanup-on-close', start: call, release: { kind: 'pipe-to-pipeline', source: callee.object, destination }, end: { kind: 'pipeline' } },
    );
  }

  /**
   * The source of a pipe that needs no report here: the connection's own request (`req.pipe(…)`), a
   * registry handle kept in a variable (`require-close` judges it), a stream the handler makes as a plain object
   * (`new PassThrough()`, `Readable.from(…)`), a chained `a.pipe(b).pipe(res)` (the head is judged),
   * or one the file destroys or hands on (`pipeline`, `finished`, `destroy()` on 'close').
   */
  #isHandledElsewhere(source: Node, handler: HandlerRole): boolean {
    const { scopeManager, oracle } = this.analysis;
    if (connectionObjectOf(source, handler, scopeManager)) return true;
    let made: Node = source;
    if (source.type === AST_NODE_TYPES.Identifier) {
      const definition = findVariable(scopeManager, source)?.defs[0];
      if (definition?.type === 'Parameter' && definition.node === handler.function) return true;
      if (definition?.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) made = unwrapExpression(definition.node.init);
      const key = referenceKey(source, scopeManager);
      if (key !== undefined && this.#releasedOrHandedOn(key, source)) return true;
    }
    if (made.type === AST_NODE_TYPES.AwaitExpression) made = unwrapExpression(made.argument);
    if (made.type === AST_NODE_TYPES.NewExpression) return true;
    if (made.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(made.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && (staticPropertyName(callee) === 'pipe' || LOCAL_STREAM_FACTORIES.has(staticPropertyName(callee) ?? ''))) return true;
      // A handle kept in a variable is require-close's (`pipedIntoPeer`); one piped inline
      // (`createReadStream(f).pipe(res)`) has no variable for it to judge, so it is this rule's.
      if (made !== source && oracle.acquisition(made)?.kind === 'handle') return true;
    }
    return false;
  }

  /** A call other than the pipe itself takes the source (`pipeline(src, res)`, `src.destroy()`, `finished(src)`). */
  #releasedOrHandedOn(key: string, pipedSource: Node): boolean {
    return this.#calls.some((call) => {
      const callee = unwrapExpression(call.callee);
      if (callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object) !== pipedSource && referenceKey(callee.object, this.analysis.scopeManager) === key) {
        return staticPropertyName(callee) !== 'pipe' && staticPropertyName(callee) !== 'on' && staticPropertyName(callee) !== 'once';
      }
      return call.arguments.some((argument) => referenceKey(argument, this.analysis.scopeManager) === key);
    });
  }

  /**
   * Loops of a connection that never learn it ended: an endless write loop (`while (true) { await
   * tick(); res.write(…) }`) that never reads `call.cancelled`, `res.writableEnded`, a closed flag
   * or a signal, and a `for await` over `events.on(emitter, …)` without a `signal` (it never ends).
   * A loop that waits for 'drain' is `respect-backpressure`'s to judge.
   */
  #judgeLoops(): void {
    const { scopeManager, oracle } = this.analysis;
    walk(this.analysis.ast, (node) => {
      if (node.type === AST_NODE_TYPES.ForOfStatement && node.await && this.#isEventsOnWithoutSignal(node.right)) {
        const handler = enclosingConnectionHandler(node, oracle);
        if (handler && !checksConnectionEnd(node.body, scopeManager)) {
          const end = endOf(handler);
          this.#report(node.right, 'loopOutlivesConnection', { where: describeRole(handler), end }, { kind: 'refusal', reason: `pass \`on()\` a \`signal\` from an \`AbortController\` aborted on ${end}` });
        }
        return undefined;
      }
      if (!isEndless(node)) return undefined;
      const handler = enclosingConnectionHandler(node, oracle);
      if (!handler || leavesLoop(node) || !awaitsInside(node) || checksConnectionEnd(node, scopeManager) || this.#waitsForDrain(node)) return undefined;
      const write = this.#connectionWriteIn(node, handler);
      if (!write) return undefined;
      const end = endOf(handler);
      this.#report(node, 'writeLoopIgnoresEnd', { where: describeRole(handler), end, write: this.#text(write.callee) }, {
        kind: 'refusal',
        reason: `the loop must learn that the connection ended: set a flag on ${end} and test it (or \`call.cancelled\`, \`res.writableEnded\`) before each write`,
      });
      return undefined;
    });
  }

  /** `on(bus, 'order')` from node's `events`, with no options or options without `signal`. */
  #isEventsOnWithoutSignal(iterable: Node): boolean {
    const call = unwrapExpression(iterable);
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const member = resolveModuleMember(call.callee, moduleBindings(this.analysis.ast));
    if (!member || stripNodePrefix(member.module) !== 'events' || member.path.at(-1) !== 'on') return false;
    const options = call.arguments[2];
    if (!options) return true;
    const object = unwrapExpression(options);
    return object.type === AST_NODE_TYPES.ObjectExpression && !object.properties.some((property) => property.type !== AST_NODE_TYPES.Property || (property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'signal'));
  }

  #waitsForDrain(loop: Node): boolean {
    let drain = false;
    walk(loop, (node) => {
      if (node.type === AST_NODE_TYPES.Literal && node.value === 'drain') drain = true;
      return drain ? false : undefined;
    });
    return drain;
  }

  /** The first write to one of the handler's connection objects the loop makes itself. */
  #connectionWriteIn(loop: Node, handler: HandlerRole): TSESTree.CallExpression | undefined {
    let write: TSESTree.CallExpression | undefined;
    walk(loop, (node) => {
      if (write) return false;
      if (node !== loop && isFunction(node)) return false;
      if (node.type !== AST_NODE_TYPES.CallExpression || !inSameFunction(node, loop)) return undefined;
      const callee = unwrapExpression(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !CONNECTION_WRITES.has(staticPropertyName(callee) ?? '')) return undefined;
      if (connectionObjectOf(callee.object, handler, this.analysis.scopeManager)) write = node;
      return undefined;
    });
    return write;
  }

  #text(node: Node): string {
    const text = this.analysis.sourceText.slice(node.range[0], node.range[1]);
    return text.length > 40 ? `${text.slice(0, 37)}…` : text;
  }
}

/**
 * `require-cleanup-on-disconnect`: work a connection handler starts (an interval, a listener on a
 * longer-lived emitter, a subscription, a loop) that nothing ends when the connection ends. The
 * incidents: a Server-Sent-Events handler whose timer loop kept writing after the client had gone,
 * and streaming handlers parked for ever because nothing told them their call was cancelled.
 */
function detectWorkOutlivingConnections(analysis: Analysis): RequireCleanupOnDisconnectFinding[] {
  return new DisconnectJudge(analysis).run();
}

const requireCleanupOnDisconnectMessages: Record<RequireCleanupOnDisconnectMessageId, string> = {
  intervalOutlivesConnection:
    'The `{{timer}}` started in {{where}} keeps running after the client leaves: nothing clears it when the connection ends (a leak per connection). Keep the handle and clear it on {{end}}.',
  rearmOutlivesConnection:
    '`{{function}}` re-arms itself with `setTimeout` for {{where}} and nothing stops it when the connection ends: each connection leaves a loop running. Stop it on {{end}}.',
  iteratorOutlivesConnection:
    'This `timers/promises` `setInterval` loop in {{where}} never ends, not even when the client leaves. Pass a `signal` that is aborted on {{end}}.',
  listenerOutlivesConnection:
    'A `{{event}}` listener is added to `{{target}}`, which outlives the connection, in {{where}} and is not removed when the connection ends: each client leaves one behind, with everything it captures. Remove it with `{{remove}}` on {{end}}.',
  subscriptionOutlivesConnection:
    'The subscription to `{{source}}` made in {{where}} is never ended: it keeps running (and holding the connection) after the client leaves. Keep it and {{release}} on {{end}}.',
  loopOutlivesConnection:
    'This `for await` over `events.on(…)` in {{where}} never ends, not even when the client leaves. Pass a `signal` that is aborted on {{end}}, or break out when the connection ends.',
  writeLoopIgnoresEnd:
    'This loop in {{where}} keeps calling `{{write}}` and never checks whether the connection ended: after the client leaves it runs (and holds its state) for ever. Stop it on {{end}} (a flag, `call.cancelled`, `res.writableEnded`, or a signal).',
  pipeNotDestroyed:
    '`{{source}}` is piped into `{{peer}}`, but `.pipe()` does not destroy it when `{{peer}}` closes early (the client went away): it stays open, paused, holding its descriptor or upstream socket. Use `pipeline()`, or destroy it on {{end}}.',
};

export const requireCleanupOnDisconnect: RuleDescriptor<RequireCleanupOnDisconnectMessageId, typeof requireCleanupOnDisconnectOptions> = {
  name: REQUIRE_CLEANUP_ON_DISCONNECT,
  description: 'Disallow intervals, listeners, subscriptions and loops started for a connection (HTTP/SSE, ws, socket.io, gRPC stream) that keep running after the connection ends',
  recommended: false,
  joinsPreset: 'both',
  typeCheckedOnly: false,
  messages: requireCleanupOnDisconnectMessages,
  options: requireCleanupOnDisconnectOptions,
  mayReport: (text) => /setInterval|setTimeout|\.(on|addListener|prependListener|addEventListener|subscribe|pipe)\(|while\s*\(|for\b/.test(text),
  detect: detectWorkOutlivingConnections,
};

import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { functionName } from '../ast/function-name';
import { callSitesOf } from '../ast/local-functions';
import { enclosingFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import { withLazyRemedy, type Finding, type Remedy } from '../findings/finding';
import { cleanupPathsOfFile, isListenerRemoved, listenerKey, type CleanupPaths } from '../lifetime/cleanup-paths';
import { handlerInScope, type WorkScope } from '../lifetime/connection-scope';
import type { HandlerRole } from '../lifetime/execution-role';
import { longLivedTargetOf, type LongLivedTarget } from '../lifetime/long-lived-targets';
import { referenceKey } from '../lifetime/reference-keys';
import { runOnceGuardOf } from '../lifetime/run-once-guard';
import type { Execution } from '../lifetime/execution';
import { hotCallerOf } from '../lifetime/hot-callers';
import { callsOfFile, startExecutionOf, whereStarted } from '../lifetime/site-execution';
import type { CleanupOnClosePlan } from '../remedies/cleanup-on-close-plan';
import { cleanupRemedy, effectOf, listenerRelease, settlingCall } from '../remedies/plan-cleanup-on-close';

export const NO_LEAKED_LISTENER = 'no-leaked-listener';

const noLeakedListenerOptions = {} as const;

type NoLeakedListenerMessageId = 'neverRemoved' | 'abortListenerNotRemoved' | 'effectWithoutCleanup' | 'guardNeverSet' | 'observerNotDisconnected';

type NoLeakedListenerFinding = Finding<NoLeakedListenerMessageId, CleanupOnClosePlan>;

/** The methods that add a listener, and whether it stays for every event. */
const ADD_METHODS: Readonly<Record<string, { readonly once: boolean }>> = {
  on: { once: false },
  addListener: { once: false },
  prependListener: { once: false },
  addEventListener: { once: false },
  once: { once: true },
  prependOnceListener: { once: true },
};

function propertyNamed(options: Node | undefined, name: string): TSESTree.Property | undefined {
  const object = options && unwrapExpression(options);
  if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  return object.properties.find(
    (property): property is TSESTree.Property =>
      property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === name,
  );
}

/** Options the source cannot read (a variable, a call, a spread): they may hold `once` or a `signal`. */
function isOpaqueOptions(options: Node | undefined): boolean {
  if (!options) return false;
  if (options.type === AST_NODE_TYPES.SpreadElement) return true;
  const object = unwrapExpression(options);
  if (object.type === AST_NODE_TYPES.Literal || (object.type === AST_NODE_TYPES.Identifier && object.name === 'undefined')) return false;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

/** `{ once: true }`, `{ signal }`: set to anything but `false`/`null`/`undefined`. */
function isOptionSet(options: Node | undefined, name: 'once' | 'signal'): boolean {
  const property = propertyNamed(options, name);
  if (!property) return false;
  const value = unwrapExpression(property.value);
  if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return false;
  return !(value.type === AST_NODE_TYPES.Literal && (value.value === false || value.value === null));
}

function eventName(call: TSESTree.CallExpression): string | undefined {
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') return first.value;
  if (first?.type === AST_NODE_TYPES.TemplateLiteral && first.expressions.length === 0) return first.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function isConstructorCode(fn: FunctionNode | undefined): boolean {
  for (let current = fn; current; current = enclosingFunction(current)) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition) return holder.kind === 'constructor';
    if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  return false;
}

const OBSERVER_CLASSES = new Set(['ResizeObserver', 'MutationObserver', 'IntersectionObserver', 'PerformanceObserver']);

function isObserverClass(callee: Node): boolean {
  const node = unwrapExpression(callee);
  if (node.type === AST_NODE_TYPES.Identifier) return OBSERVER_CLASSES.has(node.name);
  return node.type === AST_NODE_TYPES.MemberExpression && OBSERVER_CLASSES.has(staticPropertyName(node) ?? '');
}

/** `observer.disconnect()` (or `unobserve`) somewhere in the file. */
function isDisconnected(calls: readonly TSESTree.CallExpression[], key: string, scopeManager: ScopeManagerLike): boolean {
  return calls.some((call) => {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = staticPropertyName(callee);
    return (method === 'disconnect' || method === 'unobserve') && referenceKey(callee.object, scopeManager) === key;
  });
}

/** The observer is returned, stored or passed on: its owner disconnects it elsewhere. */
function isHandedOn(observer: TSESTree.Identifier, scopeManager: ScopeManagerLike): boolean {
  const variable = findVariable(scopeManager, observer);
  return (variable?.references ?? []).some((reference) => {
    if (reference.init) return false;
    const value = outermostWrapper(reference.identifier);
    const parent = value.parent;
    return !(parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value);
  });
}

function removeMethodOf(target: LongLivedTarget): string {
  return target.api === 'emitter' ? 'off' : 'removeEventListener';
}

/** A judged listener with the handler whose connection bounds it (`require-cleanup-on-disconnect`'s sites). */
export interface JudgedListener {
  readonly finding: NoLeakedListenerFinding;
  readonly handler: HandlerRole | null;
  readonly call: TSESTree.CallExpression;
  /** The event source it is added to; undefined for an observer. */
  readonly target: LongLivedTarget | undefined;
}

class ListenerJudge {
  readonly judged: JudgedListener[] = [];
  readonly #calls: TSESTree.CallExpression[];
  readonly #paths: CleanupPaths;

  constructor(
    private readonly analysis: Analysis,
    private readonly scope: WorkScope,
  ) {
    this.#calls = callsOfFile(analysis.ast);
    this.#paths = cleanupPathsOfFile(this.#calls, analysis.ast, analysis.scopeManager);
  }

  run(): JudgedListener[] {
    for (const call of this.#calls) {
      const callee = unwrapExpression(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const method = staticPropertyName(callee);
      if (method === 'observe') {
        // Effects are never connection handlers: their observers are this rule's alone.
        if (this.scope === 'outside-connections') this.#judgeObserver(call, callee);
        continue;
      }
      if (method === undefined || !Object.hasOwn(ADD_METHODS, method) || call.arguments.length < 2) continue;
      this.#judge(call, callee, ADD_METHODS[method].once);
    }
    return this.judged;
  }

  #judge(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, onceMethod: boolean): void {
    const listener = call.arguments[1];
    if (listener.type === AST_NODE_TYPES.SpreadElement) return;
    const { scopeManager, oracle } = this.analysis;
    // Module level and run-once code: cheapest test first.
    if (!enclosingFunction(call)) return;
    const target = longLivedTargetOf(callee.object, call, scopeManager, oracle);
    if (!target) return;
    const signal = target.api === 'abort-signal';
    const options = call.arguments[2];
    // A long-lived signal keeps a `{ once: true }` listener until it aborts, which may be never:
    // only removal (or a shorter-lived `signal` option) ends it. Elsewhere `once` ends it at the first event.
    if (isOpaqueOptions(options) || isOptionSet(options, 'signal')) return;
    if (!signal && (onceMethod || isOptionSet(options, 'once'))) return;
    const targetKey = referenceKey(callee.object, scopeManager);
    if (targetKey !== undefined && isListenerRemoved(this.#paths, targetKey, listenerKey(listener, scopeManager))) return;
    if (this.#handedBack(call) || this.#delegates(call, listener)) return;
    const guard = runOnceGuardOf(call, this.analysis.ast, scopeManager);
    if (guard?.kind === 'set') return;
    if (target.lifetime === 'instance-field' && isConstructorCode(enclosingFunction(call))) return;
    const execution = startExecutionOf(call, scopeManager, oracle);
    if (execution.kind === 'once') return;
    // Start-up by nature: `process` handlers, and a service's `listen()`/`init()` subscribing its
    // injected bus. Judged with evidence that they run again.
    if (target.lifetime === 'global' && target.api === 'emitter' && !this.#repeatsForSure(call, execution, false)) return;
    if (target.lifetime === 'instance-field' && !this.#repeatsForSure(call, execution, true)) return;
    const handler = handlerInScope(call, this.scope, oracle);
    if (handler === undefined) return;
    const data = {
      event: eventName(call) ?? 'event',
      target: this.analysis.sourceText.slice(callee.object.range[0], callee.object.range[1]),
      where: whereStarted(execution),
      remove: removeMethodOf(target),
    };
    const messageId: NoLeakedListenerMessageId =
      execution.role.kind === 'effect' ? 'effectWithoutCleanup' : signal ? 'abortListenerNotRemoved' : guard?.kind === 'never-set' ? 'guardNeverSet' : 'neverRemoved';
    const finding = withLazyRemedy(
      { ruleId: NO_LEAKED_LISTENER, messageId, node: call, data: guard?.kind === 'never-set' ? { ...data, flag: guard.flag } : data },
      () => this.#listenerRemedy(call, target, execution),
    );
    this.judged.push({ finding, handler, call, target });
  }

  /**
   * `cleanup-on-close`: a React effect returns a cleanup that removes the listener; an async call
   * removes its caller's-signal listener in a `finally`; anything else gets a marker saying what to
   * remove where.
   */
  #listenerRemedy(call: TSESTree.CallExpression, target: LongLivedTarget, execution: Execution): Remedy<CleanupOnClosePlan> {
    const release = listenerRelease(call, target.api, this.analysis);
    const effect = effectOf(call, execution);
    if (effect) return cleanupRemedy(call, release, { kind: 'effect-cleanup', effect }, this.analysis);
    const settles = target.lifetime === 'caller-signal' ? settlingCall(call) : undefined;
    if (settles) return cleanupRemedy(call, release, { kind: 'call-settles', fn: settles }, this.analysis);
    const where =
      target.lifetime === 'caller-signal'
        ? 'when the call settles: where the promise it hands back is resolved and rejected (a `finally` here would run before that)'
        : target.lifetime === 'instance-field' || isConstructorCode(enclosingFunction(call))
          ? 'in a `close()`/`dispose()` method of the class that its owner calls when done with it'
          : `where the work started in ${whereStarted(execution)} is over (or hand a remove function to the caller)`;
    return cleanupRemedy(call, release, { kind: 'none', where }, this.analysis);
  }

  /**
   * `new ResizeObserver(cb).observe(element)` in a React effect: the observer holds its callback (and
   * the component's state) until `disconnect()`, which the effect's cleanup must call. Judged in
   * effects only, where the cleanup is the one place to do it.
   */
  #judgeObserver(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): void {
    const { scopeManager, oracle } = this.analysis;
    const observer = unwrapExpression(callee.object);
    let made: Node | undefined = observer;
    let key: string | undefined;
    if (observer.type === AST_NODE_TYPES.Identifier) {
      const definition = findVariable(scopeManager, observer)?.defs[0]?.node;
      made = definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init ? unwrapExpression(definition.init) : undefined;
      key = referenceKey(observer, scopeManager);
    }
    if (made?.type !== AST_NODE_TYPES.NewExpression || !isObserverClass(made.callee)) return;
    if (key !== undefined && isDisconnected(this.#calls, key, scopeManager)) return;
    if (key !== undefined && observer.type === AST_NODE_TYPES.Identifier && isHandedOn(observer, scopeManager)) return;
    const execution = startExecutionOf(call, scopeManager, oracle);
    if (execution.role.kind !== 'effect') return;
    const constructor = unwrapExpression(made.callee);
    const effect = effectOf(call, execution);
    this.#pushObserver(
      call,
      withLazyRemedy(
        {
          ruleId: NO_LEAKED_LISTENER,
          messageId: 'observerNotDisconnected',
          node: call,
          data: { observer: constructor.type === AST_NODE_TYPES.Identifier ? constructor.name : 'observer', where: whereStarted(execution) },
        },
        (): Remedy<CleanupOnClosePlan> =>
          effect && observer.type === AST_NODE_TYPES.Identifier
            ? { kind: 'cleanup-on-close', start: call, release: { kind: 'call-method', handle: { kind: 'named', text: observer.name }, method: 'disconnect' }, end: { kind: 'effect-cleanup', effect } }
            : { kind: 'refusal', reason: 'keep the observer in a `const` and call its `disconnect()` in the cleanup the effect returns' },
      ),
    );
  }

  #pushObserver(call: TSESTree.CallExpression, finding: NoLeakedListenerFinding): void {
    this.judged.push({ finding, handler: null, call, target: undefined });
  }

  /**
   * `process.on('SIGTERM' | 'uncaughtException' | 'exit', …)` is start-up code by nature: in a function
   * that may run any number of times (an exported `start`, a child process's entry) it is judged only
   * with evidence that it repeats — a hot path (a handler, a listener, a loop), a hot path of the file
   * that reaches it, a constructor (once per instance), a React effect; for a method, also two call
   * sites in the file.
   */
  #repeatsForSure(call: TSESTree.CallExpression, execution: Execution, twoCallSites: boolean): boolean {
    if (execution.kind === 'hot' || execution.role.kind === 'effect') return true;
    if (execution.kind !== 'repeated') return false;
    if (isConstructorCode(enclosingFunction(call))) return true;
    const { scopeManager, oracle } = this.analysis;
    if (hotCallerOf(execution.function, this.#calls, scopeManager, oracle)) return true;
    // Two call sites of a service method (`connect()` and `reconnect()`) run it twice; two of a
    // start-up function (`start()` and `create()`, alternatives) do not say as much.
    if (!twoCallSites) return false;
    const fn = execution.function;
    return callSitesOf(fn, scopeManager, this.#calls).filter((site) => !isInside(site, fn)).length >= 2;
  }

  /**
   * `on(event, listener) { return this.emitter.on(event, listener) }`: a method that is itself the
   * add-listener API, passing the caller's listener through. The caller subscribes, and removes
   * through the matching method.
   */
  #delegates(call: TSESTree.CallExpression, listener: Node): boolean {
    const fn = enclosingFunction(call);
    const name = fn && functionName(fn);
    if (name === undefined || !Object.hasOwn(ADD_METHODS, name)) return false;
    const value = unwrapExpression(listener);
    return value.type === AST_NODE_TYPES.Identifier && fn!.params.some((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === value.name);
  }

  /**
   * `return emitter.on(…)` (a chainable emitter handed back) is not a removal, but `return () =>
   * target.off(…)`-style subscriptions are handled by the removal index. Returning the add's own
   * result hands the decision to the caller only for subscribe APIs that return an unsubscribe.
   */
  #handedBack(call: TSESTree.CallExpression): boolean {
    const value = outermostWrapper(call);
    const parent = value.parent;
    return parent?.type === AST_NODE_TYPES.VariableDeclarator || (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value);
  }
}

/**
 * `no-leaked-listener`: a listener added in repeated code to an event source that outlives that code
 * (the process, the window, a module-level or imported bus, a field of a long-lived object, a
 * caller's `AbortSignal`) and never removed. The incident: an event-bus subscription added per
 * request and never removed, each one keeping its request's objects alive.
 */
function detectLeakedListeners(analysis: Analysis): NoLeakedListenerFinding[] {
  return judgeListeners(analysis, 'outside-connections').map((judged) => judged.finding);
}

/** The listeners of the file that leak, among the sites in `scope`. */
export function judgeListeners(analysis: Analysis, scope: WorkScope): JudgedListener[] {
  return new ListenerJudge(analysis, scope).run();
}

const noLeakedListenerMessages: Record<NoLeakedListenerMessageId, string> = {
  neverRemoved:
    'A `{{event}}` listener is added to `{{target}}`, which outlives {{where}}, and never removed: each run adds one more, and each keeps what it captures alive (a leak). Remove the same function with `{{remove}}` where the work ends, or pass `{ once: true }` or a `signal`.',
  abortListenerNotRemoved:
    'An `{{event}}` listener is added to the caller’s signal `{{target}}` in {{where}} and never removed: a long-lived signal keeps every call’s listener (and what it captures) until it aborts, `{ once: true }` or not. Remove it with `{{remove}}` when the call settles (in a `finally`).',
  effectWithoutCleanup:
    '{{where}} adds a `{{event}}` listener to `{{target}}` and no cleanup removes it: every mount (and every change of its dependencies) adds one more. Return a cleanup that calls `{{remove}}` with the same function.',
  observerNotDisconnected:
    '{{where}} starts a `{{observer}}` and no cleanup disconnects it: it keeps its callback (and the component) alive, and every mount adds one more. Return a cleanup that calls `disconnect()`.',
  guardNeverSet:
    'This `{{event}}` listener on `{{target}}` is guarded by `{{flag}}`, which nothing ever sets: the guard never closes, and each run of {{where}} adds one more listener (a leak). Set `{{flag}}` when the listener is added, or remove it where the work ends.',
};

export const noLeakedListener: RuleDescriptor<NoLeakedListenerMessageId, typeof noLeakedListenerOptions> = {
  name: NO_LEAKED_LISTENER,
  description: 'Disallow listeners added in repeated code to longer-lived event sources (process, window, a module-level bus, a caller’s AbortSignal) and never removed',
  recommended: false,
  joinsPreset: 'type-checked',
  typeCheckedOnly: false,
  messages: noLeakedListenerMessages,
  options: noLeakedListenerOptions,
  mayReport: (text) => /\.(on|addListener|prependListener|addEventListener|once|prependOnceListener|observe)\(/.test(text),
  detect: detectLeakedListeners,
};

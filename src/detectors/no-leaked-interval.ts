import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { functionName } from '../ast/function-name';
import { calledLocalFunction, callSitesOf } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { findVariable, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import { withLazyRemedy, type Finding, type Remedy } from '../findings/finding';
import { cleanupPathsOfFile, isHandleCleared, type CleanupPaths } from '../lifetime/cleanup-paths';
import { hotCallerOf } from '../lifetime/hot-callers';
import { handlerInScope, type WorkScope } from '../lifetime/connection-scope';
import type { HandlerRole } from '../lifetime/execution-role';
import type { Execution } from '../lifetime/execution';
import { referenceKey } from '../lifetime/reference-keys';
import { runOnceGuardOf, stopConditionBetween } from '../lifetime/run-once-guard';
import { callsOfFile, startExecutionOf, whereStarted } from '../lifetime/site-execution';
import { clearedHandle, timerFunctionOf, timerHandleValue } from '../lifetime/timer-calls';
import type { CleanupOnClosePlan } from '../remedies/cleanup-on-close-plan';
import { cleanupRemedy, effectOf, timerRelease, type KeptHandle } from '../remedies/plan-cleanup-on-close';

export const NO_LEAKED_INTERVAL = 'no-leaked-interval';

const noLeakedIntervalOptions = {} as const;

type NoLeakedIntervalMessageId = 'dropped' | 'neverCleared' | 'overwritten' | 'rearmedForever' | 'iteratorNeverEnds';

type NoLeakedIntervalFinding = Finding<NoLeakedIntervalMessageId, CleanupOnClosePlan>;

/** Uses of a handle that neither clear nor hand it on. */
const HANDLE_QUERIES = new Set(['unref', 'ref', 'hasRef', 'refresh']);


type HandleDisposition =
  | { readonly kind: 'dropped' }
  | { readonly kind: 'variable'; readonly variable: VariableLike; readonly name: string }
  | { readonly kind: 'slot'; readonly key: string; readonly text: string; readonly assignment: TSESTree.AssignmentExpression }
  | { readonly kind: 'handed-on' };

function dispositionOf(call: TSESTree.CallExpression, analysis: Analysis): HandleDisposition {
  const value = timerHandleValue(call);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return { kind: 'dropped' };
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') return { kind: 'dropped' };
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = analysis.scopeManager.getDeclaredVariables(parent)[0];
    return variable ? { kind: 'variable', variable, name: variable.name } : { kind: 'handed-on' };
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value && parent.operator === '=') {
    const target = unwrapExpression(parent.left);
    const key = referenceKey(target, analysis.scopeManager);
    if (key === undefined) return { kind: 'handed-on' };
    if (target.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(analysis.scopeManager, target);
      const owner = enclosingFunction(parent);
      const declared = variable?.defs[0]?.name;
      // A variable of the function itself (`let t; t = setInterval(…)`) is a local handle; one declared
      // outside it is a slot the function overwrites on every run.
      if (variable && declared && owner && isInside(declared, owner)) return { kind: 'variable', variable, name: variable.name };
    }
    return { kind: 'slot', key, text: analysis.sourceText.slice(target.range[0], target.range[1]), assignment: parent };
  }
  return { kind: 'handed-on' };
}

/** Does the handle in `variable` leave the function (returned, passed on, stored), so its owner is elsewhere? */
function isHandedOn(variable: VariableLike, analysis: Analysis): boolean {
  return variable.references.some((reference) => {
    if (reference.init) return false;
    const identifier = outermostWrapper(reference.identifier);
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier) return false;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) return !HANDLE_QUERIES.has(staticPropertyName(parent) ?? '');
    if (parent?.type === AST_NODE_TYPES.CallExpression && clearedHandle(parent, analysis.ast, analysis.scopeManager) === identifier) return false;
    // Tested (`if (t)`), compared: neither clears nor hands on.
    if (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.UnaryExpression || parent?.type === AST_NODE_TYPES.BinaryExpression) return false;
    return true;
  });
}

/** Keys of the slots `fn` (or a function of the file it calls first) clears. */
function clearsSlotBefore(fn: FunctionNode, key: string, before: number, analysis: Analysis, depth = 0): boolean {
  let found = false;
  walkSameFunction(fn.body, (node) => {
    if (found || node.range[0] >= before) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) {
      if (referenceKey(node, analysis.scopeManager) === key) {
        found = true;
        return false;
      }
    }
    if (node.type === AST_NODE_TYPES.CallExpression && depth < 2) {
      const callee = calledFunction(node, analysis);
      if (callee && callee !== fn && clearsSlotBefore(callee, key, Number.POSITIVE_INFINITY, analysis, depth + 1)) {
        found = true;
        return false;
      }
    }
    return undefined;
  });
  return found;
}

/**
 * The function of the file a call runs: see calledLocalFunction, and a React callback kept with
 * `useCallback(() => …, deps)`, which is the same function between renders.
 */
function calledFunction(call: TSESTree.CallExpression, analysis: Analysis): FunctionNode | undefined {
  const local = calledLocalFunction(call, analysis.scopeManager);
  if (local) return local;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(analysis.scopeManager, callee)?.defs[0]?.node;
  if (definition?.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init) return undefined;
  const init = unwrapExpression(definition.init);
  if (init.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const hook = unwrapExpression(init.callee);
  const name = hook.type === AST_NODE_TYPES.Identifier ? hook.name : hook.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(hook) : undefined;
  const wrapped = init.arguments[0] && unwrapExpression(init.arguments[0]);
  return name === 'useCallback' && isFunction(wrapped) ? wrapped : undefined;
}

function isConstructorCode(fn: FunctionNode): boolean {
  for (let current: FunctionNode | undefined = fn; current; current = enclosingFunction(current)) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition) return holder.kind === 'constructor';
    if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
  }
  return false;
}

/** A judged interval with the handler whose connection bounds it (`require-cleanup-on-disconnect`'s sites). */
export interface JudgedInterval {
  readonly finding: NoLeakedIntervalFinding;
  readonly handler: HandlerRole | null;
  /** What keeps the handle: the variable or slot text, undefined when it is dropped. */
  readonly handle: string | undefined;
  /** The slot's assignment, for a slot overwritten while it holds a live interval. */
  readonly overwrittenSlot?: TSESTree.Node;
}

class IntervalJudge {
  readonly judged: JudgedInterval[] = [];
  readonly #calls: TSESTree.CallExpression[];
  readonly #paths: CleanupPaths;
  #handler: HandlerRole | null = null;

  constructor(
    private readonly analysis: Analysis,
    private readonly scope: WorkScope,
  ) {
    this.#calls = callsOfFile(analysis.ast);
    this.#paths = cleanupPathsOfFile(this.#calls, analysis.ast, analysis.scopeManager);
  }

  run(): JudgedInterval[] {
    for (const call of this.#calls) {
      const timer = timerFunctionOf(call.callee, this.analysis.ast, this.analysis.scopeManager);
      if (!timer) continue;
      if (timer.name === 'setInterval' && timer.api === 'timers/promises') this.#judgeIterator(call);
      else if (timer.name === 'setInterval') this.#judgeInterval(call);
      else if (timer.name === 'setTimeout' && timer.api !== 'timers/promises') this.#judgeRearm(call);
    }
    return this.judged;
  }

  /** The execution that starts the work, when it repeats and the site is in this judge's scope (see WorkScope). */
  #repeatedStart(site: Node): Execution | undefined {
    const execution = startExecutionOf(site, this.analysis.scopeManager, this.analysis.oracle);
    if (execution.kind === 'once') return undefined;
    const handler = handlerInScope(site, this.scope, this.analysis.oracle);
    if (handler === undefined) return undefined;
    this.#handler = handler;
    return execution;
  }

  #report(
    node: TSESTree.CallExpression,
    messageId: NoLeakedIntervalMessageId,
    data: Record<string, string>,
    remedy: () => Remedy<CleanupOnClosePlan>,
    overwrittenSlot?: TSESTree.Node,
  ): void {
    const finding = withLazyRemedy({ ruleId: NO_LEAKED_INTERVAL, messageId, node, data }, remedy);
    this.judged.push({ finding, handler: this.#handler, handle: data.handle ?? data.slot, overwrittenSlot });
  }

  /**
   * `cleanup-on-close`: a React effect returns a cleanup that clears the handle; a slot overwritten
   * while live is cleared right before; anything else gets a marker saying what to clear where.
   */
  #intervalRemedy(call: TSESTree.CallExpression, kept: KeptHandle, execution: Execution, overwritten: TSESTree.AssignmentExpression | undefined): Remedy<CleanupOnClosePlan> {
    const release = timerRelease(call, kept, 'clearInterval');
    const effect = effectOf(call, execution);
    if (effect) return cleanupRemedy(call, release, { kind: 'effect-cleanup', effect }, this.analysis);
    if (overwritten) return cleanupRemedy(call, release, { kind: 'before-overwrite', slot: overwritten.left }, this.analysis);
    const owner = enclosingFunction(call);
    const where =
      kept.kind === 'slot' && kept.text.startsWith('this.')
        ? 'in a `stop()`/`dispose()` method of the class that its owner calls when done with it'
        : owner && isConstructorCode(owner)
          ? 'in a `close()`/`dispose()` method of the class (keep the handle in a field for it) that its owner calls when done with the instance'
          : `where the work started in ${whereStarted(execution)} is over (or hand the handle, or a stop function, to the caller)`;
    return cleanupRemedy(call, release, { kind: 'none', where }, this.analysis);
  }

  #judgeInterval(call: TSESTree.CallExpression): void {
    const disposition = dispositionOf(call, this.analysis);
    if (disposition.kind === 'handed-on') return;
    if (disposition.kind === 'variable') {
      const key = referenceKey(disposition.variable.defs[0].name, this.analysis.scopeManager);
      if (key !== undefined && this.#paths.clearedHandles.has(key)) return;
      if (isHandedOn(disposition.variable, this.analysis)) return;
    }
    const guarded = disposition.kind === 'slot' && runOnceGuardOf(disposition.assignment, this.analysis.ast, this.analysis.scopeManager)?.kind === 'set';
    // `if (!timer) timer = setInterval(…)` on a module variable starts one interval per process.
    if (guarded && !disposition.key.startsWith('this')) return;
    const execution = this.#repeatedStart(call);
    if (!execution) return;
    const where = whereStarted(execution);
    switch (disposition.kind) {
      case 'dropped':
        this.#report(call, 'dropped', { timer: 'setInterval', where }, () => this.#intervalRemedy(call, disposition, execution, undefined));
        return;
      case 'variable':
        this.#report(call, 'neverCleared', { timer: 'setInterval', handle: disposition.name, where }, () => this.#intervalRemedy(call, disposition, execution, undefined));
        return;
      case 'slot': {
        if (!isHandleCleared(this.#paths, disposition.assignment.left, this.analysis.scopeManager)) {
          this.#report(call, 'neverCleared', { timer: 'setInterval', handle: disposition.text, where }, () => this.#intervalRemedy(call, disposition, execution, undefined));
          return;
        }
        const owner = enclosingFunction(disposition.assignment);
        if (!owner || guarded || isConstructorCode(owner)) return;
        if (clearsSlotBefore(owner, disposition.key, disposition.assignment.range[0], this.analysis)) return;
        if (!this.#runsAgain(owner, execution)) return;
        this.#report(
          call,
          'overwritten',
          { timer: 'setInterval', slot: disposition.text, where },
          () => this.#intervalRemedy(call, disposition, execution, disposition.assignment),
          disposition.assignment.left,
        );
        return;
      }
    }
  }

  /**
   * Evidence that the function filling a slot runs again while the slot is live: it is a hot path (a
   * listener, a timer callback, a loop), a hot path of the file reaches it, or the file calls it from
   * two places (`connect()` and `reconnect()`). A lifecycle `start()` the file calls once is not
   * judged: whether its users call it twice is not in the source.
   */
  #runsAgain(owner: FunctionNode, execution: Execution): boolean {
    if (execution.kind === 'hot') return true;
    const { scopeManager, oracle } = this.analysis;
    if (hotCallerOf(owner, this.#calls, scopeManager, oracle)) return true;
    return callSitesOf(owner, scopeManager, this.#calls).filter((site) => !isInside(site, owner)).length >= 2;
  }

  /**
   * `for await (const _ of setInterval(1000))` from `timers/promises`: the loop runs until it breaks,
   * returns or throws, or its signal aborts. Without any of them, every run adds a loop for ever.
   */
  #judgeIterator(call: TSESTree.CallExpression): void {
    const value = outermostWrapper(call);
    const loop = value.parent;
    if (loop?.type !== AST_NODE_TYPES.ForOfStatement || loop.right !== value || !loop.await) return;
    // Options (a signal) may be passed as a variable: only an inline object without `signal` says none.
    const options = call.arguments[2];
    if (options && !(options.type === AST_NODE_TYPES.ObjectExpression && !options.properties.some((property) => property.type !== AST_NODE_TYPES.Property || staticKey(property) === 'signal'))) return;
    let leaves = false;
    walkSameFunction(loop.body, (node) => {
      if (node.type === AST_NODE_TYPES.BreakStatement || node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) leaves = true;
      return leaves ? false : undefined;
    });
    if (leaves) return;
    const execution = this.#repeatedStart(loop);
    if (!execution) return;
    this.#report(call, 'iteratorNeverEnds', { where: whereStarted(execution) }, () => ({
      kind: 'refusal',
      reason: 'nothing here says when this loop ends: pass `setInterval` a `signal` (its third argument) from an `AbortController` that is aborted where the work is over',
    }));
  }

  /**
   * `function poll() { …; setTimeout(poll, 1000) }`: a `setTimeout` that re-arms the function it runs
   * in is an interval. With no stop condition (a flag tested on the way, a cleared handle, a `catch`
   * it retries from), each start of the loop runs for ever.
   */
  #judgeRearm(call: TSESTree.CallExpression): void {
    const rearm = this.#rearmedFunction(call);
    if (!rearm) return;
    const { loop, inner } = rearm;
    if (stopConditionBetween(call, loop)) return;
    // `setTimeout(() => { if (tries < 5) retry(tries + 1) })`: the test is inside the callback.
    if (inner && stopConditionBetween(inner.call, inner.callback)) return;
    const disposition = dispositionOf(call, this.analysis);
    if (disposition.kind === 'slot' && isHandleCleared(this.#paths, disposition.assignment.left, this.analysis.scopeManager)) return;
    if (disposition.kind === 'variable' || disposition.kind === 'handed-on') return;
    const starts = this.#startsOf(loop);
    if (starts.length === 0) return;
    for (const start of starts) {
      const execution = this.#repeatedStart(start);
      if (!execution) continue;
      const name = functionName(loop) ?? 'this function';
      this.#report(call, 'rearmedForever', { function: name, where: whereStarted(execution) }, () => ({
        kind: 'refusal',
        reason: `nothing here says when this loop ends: test a stop flag before \`${name}\` re-arms, and set it (or \`clearTimeout\` a kept handle) where the work started in ${whereStarted(execution)} is over`,
      }));
      return;
    }
  }

  /** The function `call` re-arms: its callback is (or calls) a function of the file that `call` is inside. */
  #rearmedFunction(call: TSESTree.CallExpression): { loop: FunctionNode; inner?: { call: TSESTree.CallExpression; callback: FunctionNode } } | undefined {
    const callback = call.arguments[0];
    if (!callback || callback.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const referenced = this.#functionReferencedBy(callback);
    if (referenced && isInside(call, referenced)) return { loop: referenced };
    const inline = unwrapExpression(callback);
    if (!isFunction(inline)) return undefined;
    let found: { loop: FunctionNode; inner: { call: TSESTree.CallExpression; callback: FunctionNode } } | undefined;
    walkSameFunction(inline.body, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const called = calledLocalFunction(node, this.analysis.scopeManager);
        if (called && called !== inline && isInside(call, called)) found = { loop: called, inner: { call: node, callback: inline } };
      }
      return undefined;
    });
    return found;
  }

  /** `poll`, `this.poll`, `this.poll.bind(this)`: the function of the file the callback names. */
  #functionReferencedBy(callback: Node): FunctionNode | undefined {
    let node = unwrapExpression(callback);
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(node.callee) === 'bind') {
      node = unwrapExpression(node.callee.object);
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const declared = findVariable(this.analysis.scopeManager, node)?.defs[0];
      // A parameter's definition node is its function too: `new Promise((resolve) => setTimeout(resolve))` re-arms nothing.
      if (declared?.type !== 'FunctionName' && declared?.type !== 'Variable') return undefined;
      const definition = declared.node;
      if (isFunction(definition)) return definition;
      if (definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init && isFunction(unwrapExpression(definition.init))) return unwrapExpression(definition.init) as FunctionNode;
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      // Reuse the call resolution of the file's functions: `this.poll` as if called.
      const asCall = { type: AST_NODE_TYPES.CallExpression, callee: node, arguments: [], optional: false, parent: node.parent } as unknown as TSESTree.CallExpression;
      return calledLocalFunction(asCall, this.analysis.scopeManager);
    }
    return undefined;
  }

  /** Where the loop is started from: calls of (or callbacks naming) the function outside its own body. */
  #startsOf(loop: FunctionNode): Node[] {
    const outside = (node: Node) => !isInside(node, loop);
    const holder = loop.type === AST_NODE_TYPES.FunctionDeclaration ? loop : loop.parent?.type === AST_NODE_TYPES.VariableDeclarator ? loop.parent : undefined;
    if (holder) {
      const variable = this.analysis.scopeManager.getDeclaredVariables(holder)[0];
      const starts = variable?.references.filter((reference) => !reference.init && outside(reference.identifier as Node)).map((reference) => reference.identifier as Node) ?? [];
      // Exported, or handed to an export (`module.exports = { poll }`): callers elsewhere, as often as they like.
      if (isExported(holder) || starts.length > 0) return isExported(holder) ? [...starts, loop] : starts;
      return [];
    }
    const sites = callSitesOf(loop, this.analysis.scopeManager, this.#calls).filter(outside);
    // A method nobody in the file calls is called by the class's users: per instance, at least.
    return sites.length > 0 ? sites : [loop.body];
  }
}

function isExported(holder: Node): boolean {
  const statement = holder.type === AST_NODE_TYPES.VariableDeclarator ? holder.parent?.parent : holder.parent;
  return statement?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration;
}

function staticKey(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/**
 * `no-leaked-interval`: an interval (or a self-re-arming `setTimeout`) started in code that runs
 * repeatedly whose handle is dropped, never cleared, or overwritten while live. The incidents:
 * periodic tasks that piled up because each `start()` added one more, and timer loops that kept
 * running after the work that started them was gone.
 */
function detectLeakedIntervals(analysis: Analysis): NoLeakedIntervalFinding[] {
  return judgeIntervals(analysis, 'outside-connections').map((judged) => judged.finding);
}

/** The intervals of the file that leak, among the sites in `scope`. */
export function judgeIntervals(analysis: Analysis, scope: WorkScope): JudgedInterval[] {
  return new IntervalJudge(analysis, scope).run();
}

const noLeakedIntervalMessages: Record<NoLeakedIntervalMessageId, string> = {
  dropped:
    'The `{{timer}}` started in {{where}} is not kept: nothing can ever clear it, and each run adds one more interval (a leak; `.unref()` does not stop it). Keep the handle and clear it where the work ends.',
  neverCleared:
    'The `{{timer}}` kept in `{{handle}}` in {{where}} never reaches `clearInterval`: each run adds one more interval (a leak). Clear it where the work ends (a `close`/`abort` listener, the effect’s cleanup, a `stop()`/`dispose()` method).',
  overwritten:
    '`{{slot}}` gets a new `{{timer}}` in {{where}} without clearing the one it holds: a second call leaves an interval nobody can clear (a leak). Clear `{{slot}}` (or return when it is set) before starting another.',
  rearmedForever:
    '`{{function}}` re-arms itself with `setTimeout` and nothing stops it; it is started from {{where}}, so each start adds a loop that runs for ever (a leak). Test a stop flag before re-arming, or keep the handle and clear it.',
  iteratorNeverEnds:
    'This `timers/promises` `setInterval` loop in {{where}} never ends: no `break`, `return` or `throw`, and no `signal`. Pass a `signal` that is aborted when the work ends.',
};

export const noLeakedInterval: RuleDescriptor<NoLeakedIntervalMessageId, typeof noLeakedIntervalOptions> = {
  name: NO_LEAKED_INTERVAL,
  description: 'Disallow intervals started in repeated code that are never cleared, dropped, or overwritten while running',
  recommended: false,
  joinsPreset: 'both',
  messages: noLeakedIntervalMessages,
  options: noLeakedIntervalOptions,
  mayReport: (text) => text.includes('setInterval') || text.includes('setTimeout'),
  detect: detectLeakedIntervals,
};

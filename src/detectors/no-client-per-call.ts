import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { VariableLike } from '../ast/scopes';
import { nodeIndexOf } from '../ast/node-index';
import { walk, type Node } from '../ast/traverse';
import type { OptionValues } from '../descriptors/option-spec';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import { withLazyRemedy, type Finding, type Refusal, type Remedy } from '../findings/finding';
import { ownershipOptions } from '../ownership/ownership-options';
import type { SingletonClientPlan } from '../remedies/singleton-client-plan';
import type { WrapInTryFinallyPlan } from '../remedies/try-finally-plan';
import type { TryFinallySite } from '../remedies/plan-try-finally';
import { functionName } from '../ast/function-name';
import { reconnectsFromItsOwnEnd } from '../lifetime/reconnect-loops';
import { executionOf, isLazyInitGuard, type Execution } from '../lifetime/execution';
import { describeRole } from '../lifetime/execution-role';
import { bindingOf, couldBeOwnedHere, type AcquisitionBinding } from '../ownership/acquisition-binding';
import { analyzeHandleUsage, type HandleUsage } from '../ownership/handle-usage';
import { callSitesOf } from '../ast/local-functions';
import { runOnceGuardOf } from '../lifetime/run-once-guard';
import { capturedByReturnedFunction } from '../ownership/returned-closures';
import type { ResourceEntry } from '../registry/resource-entry';
import { SingletonPlanner, type ClientSite } from '../remedies/plan-singleton-client';
import { planLookUpFirst } from '../remedies/plan-look-up-first';
import { planKeepWrapperInCache } from '../remedies/keep-wrapper-in-cache';
import { mayMentionAcquisition } from '../registry/text-precheck';
import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/predicates';
import { findLeakPaths, quietByContract } from '../flow/release-paths';
import { openedAt } from '../ownership/opening-calls';
import { hotCallerOf, type HotCaller } from '../lifetime/hot-callers';
import { clientSlotOf, isSlotCheckedFirst, perUseRelease, releasedByAnotherFunction, slotUsedForWork, storesViewInSlot } from '../ownership/client-slots';
import { callbackAcquisition, type CallbackAcquisition } from '../ownership/callback-acquisitions';
import { clientOwnerKeeps } from '../ownership/client-keeping';
import { conditionalHolder, defaultedHolder } from '../ownership/conditional-acquisition';
import { bypassingCaller, keyedClientSlotOf } from '../ownership/keyed-client-slots';
import { borrowedClientOptionCall } from '../ownership/borrowed-client-options';
import { literalOption } from '../ast/literal-options';
import { cacheFilledAfterAwait } from '../ownership/cache-filled-after-await';
import { constructorFunctionHolder } from '../ownership/constructor-function-holders';
import { endsField } from '../ownership/field-releases';
import type { FillSlotOncePlan } from '../remedies/fill-slot-once-plan';
import { planFillSlotOnce } from '../remedies/plan-fill-slot-once';
import { ENDING_METHODS, fileEvidencedClient, isFileEvidenced, mayEndValues } from '../ownership/file-evidenced-clients';
import { destructuredProperty, wrappedClientOf, type WrappedClient } from '../ownership/wrapping-factories';
import { isStoredOnRequest } from '../lifetime/request-objects';
import { scopedProviderField } from '../lifetime/scoped-providers';
import { connectsOnFirstUse } from '../oracle/client-holders';
import { isTracingSilence, traceSilence } from '../debug/silence-trace';

export const NO_CLIENT_PER_CALL = 'no-client-per-call';

const noClientPerCallOptions = ownershipOptions('client');

type NoClientPerCallOptions = OptionValues<typeof noClientPerCallOptions>;

type NoClientPerCallMessageId =
  | 'neverClosed'
  | 'madePerCallNothingToClose'
  | 'closedPerCall'
  | 'closedOnlyOnSuccess'
  | 'slotOverwritten'
  | 'keyedSlotBypassed'
  | 'cacheFilledAfterAwait'
  | 'perScopedInstance';

/** One shared client, or (a client that cannot be shared, off hot paths) a close where it is made. */
type ClientRemedyPlan = SingletonClientPlan | WrapInTryFinallyPlan | FillSlotOncePlan;
type NoClientPerCallFinding = Finding<NoClientPerCallMessageId, ClientRemedyPlan>;

/** `client ??= new X()`, `if (!client) client = new X()`: created once, kept. */
function isLazilyInitialised(acquisition: Node): boolean {
  const parent = outermostWrapper(acquisition).parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outermostWrapper(acquisition) && isLazyInitGuard(parent);
}

/** Where the client is made, in the report's words: the role (`a route handler`), or the function's name. */
function where(execution: Execution, caller?: HotCaller): string {
  if (execution.kind !== 'repeated') return describeRole(execution.role);
  const name = functionName(execution.function);
  const own = name ? `\`${name}\`` : 'this function';
  return caller ? `${own} (called from ${describeRole(caller.execution.role)})` : own;
}

/** The file's calls, for finding which of them run a function of the file. */
function callsOf(analysis: Analysis): TSESTree.CallExpression[] {
  return nodeIndexOf(analysis.ast).acquisitionCandidates.flatMap((node) => {
    const call = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
    return call.type === AST_NODE_TYPES.CallExpression ? [call] : [];
  });
}

/**
 * A method of a class other than its constructor: a model's or service's method, which (like a
 * handler) runs for each request that uses the instance. Opening and closing a connection in one is
 * connection churn (mysqljs: a `News` model opening a connection per query, "Too many connections").
 */
function isServiceMethod(fn: FunctionNode): boolean {
  const holder = fn.parent;
  return holder?.type === AST_NODE_TYPES.MethodDefinition && holder.value === fn && holder.kind === 'method' && !holder.static;
}

/**
 * `no-client-per-call`: a connection-owning client (gRPC, pg, Redis, Kafka …) created in code that
 * runs repeatedly and not handed out. The incident: a gRPC client dialed for every Kafka message
 * through a small factory and never closed — 20 348 live connections. Never closed is a leak
 * wherever the code repeats; closed per call is connection churn, reported only on hot paths (a
 * one-shot probe that closes its client is fine).
 */
function detectClientsPerCall(analysis: Analysis, options: NoClientPerCallOptions): NoClientPerCallFinding[] {
  if (!/\bnew\b|\(/.test(analysis.sourceText)) return [];
  // Without types a client is acquired by a name the registry knows; typed mode also follows factories.
  // A package's value the file ends elsewhere is a client too (file-evidenced-clients).
  if (!analysis.oracle.typed && !mayMentionAcquisition(analysis.sourceText, analysis.registry, 'client') && !mayEndValues(analysis.sourceText)) return [];
  const findings: NoClientPerCallFinding[] = [];
  // One planner per file (plans share getters and names), built when the first remedy is read.
  let planner: SingletonPlanner | undefined;
  let calls: TSESTree.CallExpression[] | undefined;
  const fileCalls = () => (calls ??= callsOf(analysis));
  const remedy = (site: Parameters<SingletonPlanner['plan']>[0]) => () => (planner ??= new SingletonPlanner(analysis)).plan(site);
  // A local function that hands its completion callback a client it makes acquires it too (see callback-acquisitions).
  const callbackContext = { ast: analysis.ast, registry: analysis.registry, scopeManager: analysis.scopeManager, acquisition: (value: Node) => clientAcquisition(analysis, value) };
  for (const node of nodeIndexOf(analysis.ast).acquisitionCandidates) {
    // Module level and field initialisers run once per process or per instance.
    const owner = enclosingFunction(node);
    // `cond ? createClient(a) : createClient(b)`: each branch is held by what holds the conditional.
    const branchHeld = conditionalHolder(node);
    // `options.client ?? createClient()`: the default the code makes when the caller passed none.
    const held = defaultedHolder(branchHeld);
    const defaulted = held !== branchHeld;
    const inBranch = held !== outermostWrapper(node);
    if (!inBranch) {
      const provided = scopedProviderFinding(analysis, node, (entry, provider) => () => (planner ??= new SingletonPlanner(analysis)).planProviderField(node, entry, provider));
      if (provided) {
        findings.push(provided);
        continue;
      }
    }
    // `http.request(url, { agent: new Agent({ keepAlive: true }) })`: a pool lent to one request and then dropped, open.
    const lentTo = owner ? borrowedClientOptionCall(held, owner, analysis.scopeManager) : undefined;
    if (owner && lentTo) {
      const finding = judgeLentOption(analysis, node, owner, lentTo, remedy);
      if (finding) findings.push(finding);
      continue;
    }
    if (!owner || !couldBeOwnedHere(held)) {
      if (isTracingSilence() && clientAcquisition(analysis, node)) traceSilence(NO_CLIENT_PER_CALL, node, owner ? 'not-owned-here' : 'module-level');
      continue;
    }
    const delivered = node.type === AST_NODE_TYPES.CallExpression && !inBranch ? callbackAcquisition(node, callbackContext) : undefined;
    if (delivered) {
      const finding = judgeCallbackAcquisition(analysis, options, node, owner, delivered, fileCalls, remedy);
      if (finding) findings.push(finding);
      continue;
    }
    const entry = clientAcquisition(analysis, node);
    if (!entry) {
      // `const limiter = await getRateLimiter(size)`: a local function's object around a client it made.
      const wrapped = inBranch ? undefined : wrappedClientOf(node, analysis.scopeManager, (value) => clientAcquisition(analysis, value));
      const finding = wrapped && judgeWrappedClient(analysis, options, node, held, owner, wrapped, fileCalls, () => (planner ??= new SingletonPlanner(analysis)));
      if (finding) findings.push(finding);
      continue;
    }
    const execution = executionOf(node, analysis.oracle);
    if (execution.kind === 'once' || isLazilyInitialised(held)) {
      traceSilence(NO_CLIENT_PER_CALL, node, execution.kind === 'once' ? `runs-once:${execution.role.kind}` : 'lazy-init');
      continue;
    }
    if (reconnectsFromItsOwnEnd(held, owner, analysis.scopeManager)) {
      traceSilence(NO_CLIENT_PER_CALL, node, 'reconnect-loop');
      continue;
    }
    const slot = clientSlotOf(held, analysis.scopeManager);
    if (slot) {
      if (isSlotCheckedFirst(slot, analysis.scopeManager)) {
        traceSilence(NO_CLIENT_PER_CALL, node, 'slot-checked-first');
        continue;
      }
      const caller = execution.kind === 'repeated' ? hotCallerOf(owner, fileCalls(), analysis.scopeManager, analysis.oracle) : undefined;
      const perUse = perUseRelease(slot, entry, fileCalls(), analysis.scopeManager);
      if (execution.kind !== 'hot' && !caller && !perUse && !slotUsedForWork(slot, entry, analysis.scopeManager) && !calledAgainByThisFile(analysis, owner, slot.text, fileCalls)) {
        traceSilence(NO_CLIENT_PER_CALL, node, 'slot-not-hot');
        continue;
      }
      const runsPerUse = (fn: FunctionNode) => executionOf(fn.body, analysis.oracle).kind === 'hot';
      if (!perUse && releasedByAnotherFunction(analysis.ast, slot, entry, analysis.scopeManager, runsPerUse)) {
        traceSilence(NO_CLIENT_PER_CALL, node, 'slot-released-elsewhere');
        continue;
      }
      findings.push({
        ruleId: NO_CLIENT_PER_CALL,
        messageId: 'slotOverwritten',
        node,
        data: { resource: entry.description, where: where(execution, caller), slot: slot.text },
        remedy: planFillSlotOnce(
          slot.assignment,
          slot.text,
          owner,
          new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : []))),
          analysis.ast,
          analysis.scopeManager,
          analysis.sourceText,
        ),
      });
      continue;
    }
    const bypass = keyedSlotBypass(analysis, held, owner, entry, fileCalls);
    if (bypass) {
      findings.push({
        ruleId: NO_CLIENT_PER_CALL,
        messageId: 'keyedSlotBypassed',
        node,
        data: { resource: entry.description, slot: bypass.slot.text, where: where(bypass.execution), maker: functionName(owner) ?? 'this function' },
        remedy: planLookUpFirst(analysis, bypass.slot, bypass.caller, owner, node),
      });
      continue;
    }
    const requestField = !inBranch ? requestHeldField(analysis, held, owner) : undefined;
    if (requestField !== undefined) {
      if (!endsField(analysis.ast, requestField, entry, 'any')) {
        const refusal = `the client is hung on the request (\`${requestField}\`) for later middleware; create it once per process (or keep one per key in a module-level Map) and put that one on the request`;
        // Made by a factory of this file that only this site calls: the planner lets the factory keep it.
        findings.push(
          withLazyRemedy({ ruleId: NO_CLIENT_PER_CALL, messageId: neverClosedFor(entry), node, data: { resource: entry.description, where: where(execution) } }, () =>
            (planner ??= new SingletonPlanner(analysis)).planFactoryReturn({ acquisition: node, owner, entry, execution, binding: { kind: 'discarded' }, releases: [] }, refusal),
          ),
        );
      }
      continue;
    }
    const late = lateCacheFill(analysis, held, owner, entry);
    // A single slot races only among the first concurrent callers: reported when a hot path reaches it.
    if (late && (late.keyed || execution.kind === 'hot' || hotCallerOf(owner, fileCalls(), analysis.scopeManager, analysis.oracle))) {
      // The planner shares the pending connect when nothing else writes the cache (see plan-singleton-client).
      findings.push(
        withLazyRemedy(
          { ruleId: NO_CLIENT_PER_CALL, messageId: 'cacheFilledAfterAwait', node, data: { resource: entry.description, slot: late.slot, maker: functionName(owner) ?? 'this function' } },
          remedy({ acquisition: node, owner, entry, execution, binding: late.binding, releases: [], lateFill: late }),
        ),
      );
      continue;
    }
    // `if (!listening) { const provider = new WebSocketProvider(url); …; listening = true }`: once per
    // flag, when nothing awaits before the flag can be set (callers arriving meanwhile would each pass).
    if (runOnceGuardOf(node, analysis.ast, analysis.scopeManager)?.kind === 'set' && !awaitsAfterInGuard(node, owner)) {
      traceSilence(NO_CLIENT_PER_CALL, node, 'run-once-guard');
      continue;
    }
    const verdict = judge(analysis, options, held, owner, entry);
    if (!verdict) {
      traceSilence(NO_CLIENT_PER_CALL, node, 'handed-over');
      continue;
    }
    if (verdict.handedBackInClosure && !calledFromRepeatedCode(analysis, owner, fileCalls)) {
      traceSilence(NO_CLIENT_PER_CALL, node, 'escape:captured by a returned function');
      continue;
    }
    const site = {
      acquisition: node,
      owner,
      entry,
      execution,
      binding: verdict.binding,
      releases: verdict.releases,
      closedInCallback: verdict.closedInCallback,
      closeWhereMade: inBranch ? undefined : closableWhereMade(analysis, node, owner, entry, execution, verdict, fileCalls),
    };
    // A client known only from the file's own closes: how often it may be opened is not ours to judge.
    const report = (messageId: NoClientPerCallMessageId, data: Record<string, string>) =>
      (messageId === 'neverClosed' || messageId === 'madePerCallNothingToClose' || !isFileEvidenced(entry)) &&
      findings.push(
        // A fallback the code makes itself (`options.client ?? createClient()`) is planned like any site;
        // a branch of a conditional with the whole conditional (the planner says when it cannot move).
        inBranch && defaulted && branchHeld !== outermostWrapper(node)
          ? { ruleId: NO_CLIENT_PER_CALL, messageId, node, data: { resource: entry.description, ...data }, remedy: DEFAULT_REFUSAL }
          : withLazyRemedy(
              { ruleId: NO_CLIENT_PER_CALL, messageId, node, data: { resource: entry.description, ...data } },
              remedy(inBranch && !defaulted ? { ...site, conditional: branchHeld } : site),
            ),
      );
    if (!verdict.closed) {
      report(neverClosedFor(entry), { where: where(execution) });
      continue;
    }
    // A client whose idle sockets close themselves leaves nothing open when a throw skips its close: churn only.
    if (verdict.failure && !entry.closesIdleConnections) {
      report('closedOnlyOnSuccess', { where: where(execution), thrower: verdict.failure.thrower, line: String(verdict.failure.line) });
      continue;
    }
    if (execution.kind === 'hot') {
      report('closedPerCall', { where: where(execution) });
      continue;
    }
    const caller = hotCallerOf(owner, fileCalls(), analysis.scopeManager, analysis.oracle);
    if (caller || isServiceMethod(owner)) report('closedPerCall', { where: where(execution, caller) });
    else traceSilence(NO_CLIENT_PER_CALL, node, 'closed-not-hot');
  }
  return findings;
}

/**
 * An `await` after `site` in the `if` that holds it (or, without one, in the rest of `owner`): a flag
 * set after it is set too late for callers that arrive while it waits.
 */
function awaitsAfterInGuard(site: Node, owner: FunctionNode): boolean {
  let region: Node = owner.body;
  for (let current = site.parent; current && current !== owner; current = current.parent) {
    if (current.type === AST_NODE_TYPES.IfStatement) {
      region = current;
      break;
    }
  }
  let found = false;
  walk(region, (node) => {
    if (found || (node !== region && isFunction(node))) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression && node.range[0] > site.range[0]) found = true;
    return undefined;
  });
  return found;
}

/**
 * Whether `fn` may run more than once: this file calls it from code that repeats (a handler, a method,
 * a loop), or does not call it at all (an export: its callers are not known, and a context made per
 * request was resumable-stream's leak). Only a function this file calls once, at start-up, makes one.
 */
function calledFromRepeatedCode(analysis: Analysis, fn: FunctionNode, fileCalls: () => TSESTree.CallExpression[]): boolean {
  const sites = callSitesOf(fn, analysis.scopeManager, fileCalls());
  return sites.length === 0 || sites.some((call) => executionOf(call, analysis.oracle).kind !== 'once');
}

/**
 * `redisClient()` called from `getAllBreachesFromDb()`, an exported data function, or from a class's
 * constructor: this file runs the slot's filler from code that runs again and again, so the slot is
 * filled anew each time (blurts-server's `singleton`, assigned and never read). Start-up code that
 * this file runs once does not count; nor does a filler this file never calls (its callers are not
 * known, and a `connect()` called once at start-up is the usual case).
 */
function calledAgainByThisFile(analysis: Analysis, fn: FunctionNode, slot: string, fileCalls: () => TSESTree.CallExpression[]): boolean {
  const sites = callSitesOf(fn, analysis.scopeManager, fileCalls());
  // A field is one instance's slot: only `this.connect()` fills the same one again (another
  // instance's `initialize()` fills its own).
  // The constructor's own call fills it the first time, once per instance.
  const sameHolder = (call: TSESTree.CallExpression) =>
    !slot.startsWith('this.') ||
    (call.callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(call.callee.object).type === AST_NODE_TYPES.ThisExpression && !inConstructor(call));
  return sites.some((call) => sameHolder(call) && !guardedBySlot(analysis, call, slot) && executionOf(call, analysis.oracle).kind !== 'once');
}

function inConstructor(node: Node): boolean {
  const fn = enclosingFunction(node);
  return fn?.parent?.type === AST_NODE_TYPES.MethodDefinition && fn.parent.kind === 'constructor';
}

/** `if (!this.client) await this.connect();`: the call runs only while the slot is empty. */
function guardedBySlot(analysis: Analysis, call: Node, slot: string): boolean {
  for (let current: Node | undefined = call.parent; current && !isFunction(current); current = current.parent) {
    const test =
      current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression
        ? current.test
        : current.type === AST_NODE_TYPES.LogicalExpression
          ? current.left
          : undefined;
    if (test && analysis.sourceText.slice(test.range[0], test.range[1]).includes(slot)) return true;
  }
  return false;
}

/**
 * The client as the try-finally planner sees it, when closing it on every path where it is made would
 * leave nothing to report: closed per call is churn only on hot paths (see the end of
 * detectClientsPerCall). Read by the singleton planner when the client cannot be shared.
 */
function closableWhereMade(
  analysis: Analysis,
  acquisition: Node,
  owner: FunctionNode,
  entry: ResourceEntry,
  execution: Execution,
  verdict: Verdict,
  fileCalls: () => TSESTree.CallExpression[],
): (() => TryFinallySite | undefined) | undefined {
  const { binding, usage } = verdict;
  if (binding.kind !== 'variable' || !usage || verdict.closedInCallback) return undefined;
  return () =>
    execution.kind === 'hot' || isServiceMethod(owner) || hotCallerOf(owner, fileCalls(), analysis.scopeManager, analysis.oracle)
      ? undefined
      : { acquisition, binding, owner, entry, usage };
}

/**
 * The client `node` makes: the oracle's answer, a package's value this file ends elsewhere (see
 * file-evidenced-clients), (both modes) an instance of a constructor function of this file that
 * opens one of its own (see constructor-function-holders), or (typed) a package's value whose
 * declared shape owns a connection (see connection-owner-shape).
 */
function clientAcquisition(analysis: Analysis, node: Node): ResourceEntry | undefined {
  const known = (value: Node) => analysis.oracle.acquisition(value) ?? fileEvidencedClient(value, analysis.ast, analysis.scopeManager, analysis.sourceText);
  const entry = known(node) ?? constructorFunctionHolder(node, analysis.scopeManager, known) ?? analysis.oracle.connectionOwner?.(node);
  return entry?.kind === 'client' ? entry : undefined;
}

/**
 * `req.knex = knexFor(tenant)` in a handler or middleware: the client is hung on the request it
 * serves, which lives no longer than that request. The field's name, when so; the client then leaks
 * unless something in the file ends `<request>.<field>` (a `res.on('finish', …)` that destroys it).
 */
function requestHeldField(analysis: Analysis, held: Node, owner: FunctionNode): string | undefined {
  const value = outermostWrapper(held);
  if (!isStoredOnRequest(value, owner, analysis.scopeManager, analysis.oracle)) return undefined;
  const assignment = value.parent as TSESTree.AssignmentExpression;
  const target = assignment.left as TSESTree.MemberExpression;
  return staticPropertyName(target);
}

/** `const client = await connect(); cache[key] = client` after looking `cache` up: see cache-filled-after-await. */
function lateCacheFill(analysis: Analysis, held: Node, owner: FunctionNode, entry: ResourceEntry) {
  const binding = bindingOf(held, owner, entry, analysis.scopeManager, analysis.oracle);
  if (binding.kind !== 'variable') return undefined;
  const late = cacheFilledAfterAwait(held, binding.variable, owner, analysis.scopeManager, analysis.sourceText);
  return late && { ...late, binding };
}

/**
 * A client made for each instance of a request-scoped or transient DI provider (see scoped-providers)
 * that none of the provider's methods ends.
 */
function scopedProviderFinding(
  analysis: Analysis,
  node: Node,
  remedy: (entry: ResourceEntry, provider: string) => () => Remedy<SingletonClientPlan>,
): NoClientPerCallFinding | undefined {
  const provided = scopedProviderField(node);
  if (!provided) return undefined;
  const entry = clientAcquisition(analysis, node);
  if (!entry || endsField(provided.provider.body, provided.field, entry, 'this')) return undefined;
  return withLazyRemedy(
    {
      ruleId: NO_CLIENT_PER_CALL,
      messageId: 'perScopedInstance',
      node,
      data: { resource: entry.description, provider: provided.name, field: provided.field, scope: provided.scope === 'request' ? 'Scope.REQUEST' : 'Scope.TRANSIENT' },
    },
    remedy(entry, provided.name),
  );
}

/**
 * `MongoClient.connect(url, (err, client) => { … })` in repeated code: the callback owns the client.
 * Never closed there is a leak; closed there is churn on hot paths, as for the promise form.
 */
function judgeCallbackAcquisition(
  analysis: Analysis,
  options: NoClientPerCallOptions,
  call: Node,
  owner: FunctionNode,
  delivered: CallbackAcquisition,
  fileCalls: () => TSESTree.CallExpression[],
  remedy: (site: ClientSite) => () => Remedy<ClientRemedyPlan>,
): NoClientPerCallFinding | undefined {
  const execution = executionOf(call, analysis.oracle);
  if (execution.kind === 'once') return undefined;
  const usage = analyzeHandleUsage(delivered.variable, delivered.parameter, delivered.callback, delivered.entry, analysis, options);
  if (usage.escape || storesViewInSlot(delivered.variable, analysis.scopeManager)) return undefined;
  // The callback's parameter holds the client; the planner keeps the callback and shares what it receives.
  const site: ClientSite = {
    acquisition: call,
    owner,
    entry: delivered.entry,
    execution,
    binding: { kind: 'variable', variable: delivered.variable, target: delivered.parameter, declarator: undefined },
    releases: usage.releases,
    callback: delivered.callback,
  };
  // A function of this file that delivers the client has no promise form to share: it must keep one itself.
  const local = delivered.localFactory;
  const refusal: Refusal | undefined = local && {
    kind: 'refusal',
    reason: `the client arrives through \`${functionName(local) ?? 'the called function'}\`'s completion callback; make that function keep one client (or return a promise of a shared one) and call it the same way`,
  };
  const report = (messageId: NoClientPerCallMessageId, place: string): NoClientPerCallFinding => {
    const finding = { ruleId: NO_CLIENT_PER_CALL, messageId, node: call, data: { resource: delivered.entry.description, where: place } };
    return refusal ? { ...finding, remedy: refusal } : withLazyRemedy(finding, remedy(site));
  };
  if (usage.releases.length === 0) return report(neverClosedFor(delivered.entry), where(execution));
  if (execution.kind === 'hot') return report('closedPerCall', where(execution));
  const caller = hotCallerOf(owner, fileCalls(), analysis.scopeManager, analysis.oracle);
  return caller || isServiceMethod(owner) ? report('closedPerCall', where(execution, caller)) : undefined;
}

/**
 * `this.clients.set(name, client)` reached from a call path that does not look `name` up first, in a
 * module that elsewhere does (see keyed-client-slots): the path that bypasses the cache and the
 * execution of the function it starts in.
 */
function keyedSlotBypass(analysis: Analysis, held: Node, owner: FunctionNode, entry: ResourceEntry, fileCalls: () => TSESTree.CallExpression[]) {
  const binding = bindingOf(held, owner, entry, analysis.scopeManager, analysis.oracle);
  if (binding.kind !== 'variable') return undefined;
  const slot = keyedClientSlotOf(binding.variable, owner, analysis.scopeManager);
  if (!slot) return undefined;
  const caller = bypassingCaller(slot, owner, fileCalls(), analysis.scopeManager);
  if (!caller) return undefined;
  const execution = executionOf(caller, analysis.oracle);
  return execution.kind === 'once' ? undefined : { slot, execution, caller };
}

/**
 * A client a local function returns inside an object (see wrapping-factories), judged at the call
 * that gets it: the object built around it (`new RateLimiterRedis({ storeClient })`) holds it until
 * an ending method of its own, a client carried in a literal (`{ client, collection }`) is judged
 * through the variable that picks it out. Never closed is a leak; closed per call is churn on hot
 * paths, as for a client made in place. The factory, not the call, must keep it: the codemod does so
 * when the factory already looks a map up first (keep-wrapper-in-cache), and leaves the rest.
 */
function judgeWrappedClient(
  analysis: Analysis,
  options: NoClientPerCallOptions,
  node: Node,
  held: Node,
  owner: FunctionNode,
  wrapped: WrappedClient,
  fileCalls: () => TSESTree.CallExpression[],
  planner: () => SingletonPlanner,
): NoClientPerCallFinding | undefined {
  const execution = executionOf(node, analysis.oracle);
  if (execution.kind === 'once' || isLazilyInitialised(held)) return undefined;
  const maker = functionName(wrapped.factory) ?? 'the function called here';
  let entry: ResourceEntry;
  let bound: AcquisitionBinding | undefined;
  if (wrapped.kind === 'constructed') {
    entry = { ...wrapped.entry, description: `${wrapped.entry.description} (kept by the \`${wrapped.wrapper}\` that \`${maker}\` returns)`, releases: [...ENDING_METHODS].map((method) => ({ method })) };
  } else {
    const picked = destructuredProperty(held, wrapped.property, analysis.scopeManager);
    if (!picked) return undefined;
    entry = { ...wrapped.entry, description: `${wrapped.entry.description} (made by \`${maker}\`)` };
    bound = { kind: 'variable', variable: picked.variable, target: picked.target, declarator: undefined };
  }
  const verdict = judge(analysis, options, held, owner, entry, bound);
  if (!verdict || verdict.handedBackInClosure) return undefined;
  const reason = `\`${maker}\` makes a new client inside the object it returns on every call; keep one (create it once, or cache it per key in \`${maker}\`) and return that`;
  // A wrapper built in a function that looks its map up first is kept there (see keep-wrapper-in-cache);
  // a client carried in a literal to the factory's only caller is shared by the factory.
  const site: ClientSite = { acquisition: node, owner, entry, execution, binding: verdict.binding, releases: verdict.releases, closedInCallback: verdict.closedInCallback };
  const remedy = (): Remedy<SingletonClientPlan> =>
    wrapped.kind === 'constructed' ? planKeepWrapperInCache(analysis, node, wrapped.factory, wrapped.wrapper, reason) : planner().planCarriedClient(site, wrapped.factory, wrapped.property, reason);
  const report = (messageId: NoClientPerCallMessageId, data: Record<string, string>): NoClientPerCallFinding =>
    withLazyRemedy({ ruleId: NO_CLIENT_PER_CALL, messageId, node, data: { resource: entry.description, ...data } }, remedy);
  if (!verdict.closed) return report(neverClosedFor(entry), { where: where(execution) });
  if (verdict.failure && !entry.closesIdleConnections) return report('closedOnlyOnSuccess', { where: where(execution), thrower: verdict.failure.thrower, line: String(verdict.failure.line) });
  if (execution.kind === 'hot') return report('closedPerCall', { where: where(execution) });
  const caller = hotCallerOf(owner, fileCalls(), analysis.scopeManager, analysis.oracle);
  return caller || isServiceMethod(owner) ? report('closedPerCall', { where: where(execution, caller) }) : undefined;
}

/** `options.client ?? createClient()`: the caller's client must stay usable; only the fallback moves. */
const DEFAULT_REFUSAL: Refusal = {
  kind: 'refusal',
  reason: 'the client is the fallback for one the caller may pass; create the fallback once at module level (lazily) and use it as the default, or require callers to pass a client',
};

interface Verdict {
  readonly closed: boolean;
  readonly binding: ReturnType<typeof bindingOf>;
  readonly releases: readonly Node[];
  /** Closed, but only on the success path: the first call in between that can throw. */
  readonly failure?: { readonly thrower: string; readonly line: number };
  /** Closed inside a callback (`db.query(sql, () => db.end())`): churn, but not a close the codemod can remove. */
  readonly closedInCallback?: boolean;
  /** How the function uses the client it holds in a variable (for a close where it is made). */
  readonly usage?: HandleUsage;
  /**
   * A function the caller gets back captures it (`return { query: (sql) => pool.query(sql) }`): the
   * caller keeps the client as long as that API, so a function this file calls only once, at
   * start-up, makes one client in all.
   */
  readonly handedBackInClosure?: boolean;
}

/**
 * A client's own `connect()` is no failure point between creating and closing it: when connecting
 * fails, the drivers (pg, mongodb, kafkajs, node-redis) tear down what they opened.
 */
const CONNECT_METHODS = ['connect'];

/** The statement whose end drops a variable declared by `declarator`: its block, or the switch of its case. */
function declaringScope(declarator: Node | undefined): Node | undefined {
  const declaration = declarator?.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind === 'var') return undefined;
  const container = declaration.parent;
  if (container?.type === AST_NODE_TYPES.SwitchCase) return container.parent;
  return container?.type === AST_NODE_TYPES.BlockStatement ? container : undefined;
}

const MAX_THROWER_TEXT = 40;

/** `await conn.query(q, data)` in a message, shortened to its callee when long. */
function throwerText(analysis: Analysis, node: Node): string {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return 'throw';
  const text = analysis.sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  if (text.length <= MAX_THROWER_TEXT) return text;
  const awaited = node.type === AST_NODE_TYPES.AwaitExpression;
  const call = awaited ? node.argument : node;
  if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
    const callee = analysis.sourceText.slice(call.callee.range[0], call.callee.range[1]).replace(/\s+/g, ' ');
    return `${awaited ? 'await ' : ''}${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${callee}()`;
  }
  return `${text.slice(0, MAX_THROWER_TEXT - 1)}…`;
}

/**
 * `db.query(sql, (err, rows) => { db.end(); … })`: the closes of a client closed in a callback, when
 * every use of it is a method call on it (nothing else can hold it); undefined otherwise.
 */
function callbackReleases(variable: VariableLike, entry: ResourceEntry): Node[] | undefined {
  const methods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  const releases: Node[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    const value = outermostWrapper(reference.identifier);
    const member = value.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value) return undefined;
    const call = outermostWrapper(member).parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(member)) return undefined;
    const method = staticPropertyName(member);
    if (method !== undefined && methods.has(method)) releases.push(call);
  }
  return releases;
}

/** The variable's first read in source order: where an instance that connects on first use opens its connection. */
function firstUse(variable: VariableLike): Node | undefined {
  const reads = variable.references.filter((reference) => !reference.init).map((reference) => reference.identifier);
  return reads.sort((a, b) => a.range[0] - b.range[0])[0];
}

/**
 * A client made per call as a request's pool option (see borrowedClientOptionCall): the request
 * borrows it and nothing closes it, so every call leaves one open pool with its keep-alive sockets.
 * Not when the borrowing call makes a client itself (the option then lives as long as that client,
 * which this rule judges on its own).
 */
function judgeLentOption(
  analysis: Analysis,
  node: Node,
  owner: FunctionNode,
  borrower: TSESTree.CallExpression,
  remedy: (site: Parameters<SingletonPlanner['plan']>[0]) => () => Remedy<ClientRemedyPlan>,
): NoClientPerCallFinding | undefined {
  const entry = clientAcquisition(analysis, node);
  if (!entry || clientAcquisition(analysis, borrower)) return undefined;
  // Node's agent closes each socket after its request unless told to keep them (`keepAlive: true`):
  // one lent to a single request (`{ httpsAgent: new Agent({ rejectUnauthorized: false }) }`) holds nothing after it.
  if (isNodeHttpAgent(entry) && !asksForKeepAlive(node)) {
    traceSilence(NO_CLIENT_PER_CALL, node, 'lent-agent-without-keep-alive');
    return undefined;
  }
  const execution = executionOf(node, analysis.oracle);
  if (execution.kind === 'once') {
    traceSilence(NO_CLIENT_PER_CALL, node, `runs-once:${execution.role.kind}`);
    return undefined;
  }
  return withLazyRemedy(
    { ruleId: NO_CLIENT_PER_CALL, messageId: neverClosedFor(entry), node, data: { resource: entry.description, where: where(execution) } },
    remedy({ acquisition: node, owner, entry, execution, binding: { kind: 'discarded' }, releases: [] }),
  );
}

function isNodeHttpAgent(entry: ResourceEntry): boolean {
  return (entry.types ?? []).some((type) => type.from === 'package' && type.package === 'http' && type.name === 'Agent');
}

/** `new Agent({ …, keepAlive: true })`: the constructor's options ask for sockets that outlive a request. */
function asksForKeepAlive(acquisition: Node): boolean {
  const made = unwrapExpression(acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition);
  if (made.type !== AST_NODE_TYPES.NewExpression && made.type !== AST_NODE_TYPES.CallExpression) return false;
  const options = made.arguments[0];
  return options?.type === AST_NODE_TYPES.ObjectExpression && literalOption(options, 'keepAlive') === true;
}

/**
 * Owned by this call (not returned, stored or handed over), and whether the call closes it, on every
 * path or only on success. `bound`: the binding when the caller found it (a destructured property).
 */
function judge(analysis: Analysis, options: NoClientPerCallOptions, acquisition: Node, owner: FunctionNode, entry: ResourceEntry, bound?: AcquisitionBinding): Verdict | undefined {
  const binding = bound ?? bindingOf(acquisition, owner, entry, analysis.scopeManager, analysis.oracle);
  switch (binding.kind) {
    case 'escapes':
      traceSilence(NO_CLIENT_PER_CALL, acquisition, 'escapes-binding');
      return undefined;
    case 'discarded':
      return { closed: false, binding, releases: [] };
    case 'released':
      return { closed: true, binding, releases: [] };
    case 'variable': {
      const usage = analyzeHandleUsage(binding.variable, binding.target, owner, entry, analysis, options, undefined, clientOwnerKeeps(owner, analysis.scopeManager, analysis.oracle));
      if (usage.escape?.reason === 'released in a callback') {
        // `this.sessions[authority].push([session, options]); return session` with the close in its idle
        // timer: kept and handed back, it lives past this call; the close ends it later, not per call.
        const kept = usage.handOffs.find((handOff) => handOff.reason === 'returned' || handOff.reason === 'stored' || handOff.reason === 'passed to an owner');
        if (kept) {
          traceSilence(NO_CLIENT_PER_CALL, acquisition, `escape:${kept.reason}`);
          return undefined;
        }
        const releases = callbackReleases(binding.variable, entry);
        return { closed: true, binding, releases: releases ?? [], closedInCallback: releases === undefined, usage };
      }
      if (usage.escape) {
        traceSilence(NO_CLIENT_PER_CALL, acquisition, `escape:${usage.escape.reason}`);
        return undefined;
      }
      // `return { query: (sql) => pool.query(sql) }`: the API handed back owns the client.
      const handedBackIn = capturedByReturnedFunction(binding.variable, owner, analysis.scopeManager) !== undefined;
      if (usage.releases.length === 0) {
        return storesViewInSlot(binding.variable, analysis.scopeManager) ? undefined : { closed: false, binding, releases: [], usage, handedBackInClosure: handedBackIn };
      }
      const leaks = findLeakPaths(owner, {
        acquisition: (connectsOnFirstUse(entry) && firstUse(binding.variable)) || openedAt(acquisition, entry, usage.variables),
        scope: declaringScope(binding.variable.defs[0]?.node) ?? owner.body,
        releases: new Set(usage.releases),
        names: new Set(usage.variables.map((variable) => variable.name)),
        quietMethods: new Set([...(entry.quietMethods ?? []), ...CONNECT_METHODS]),
        quietByContract: quietByContract(analysis),
      });
      // Only exceptions leave it open: an early return without a close is a choice this rule does not judge.
      const thrown = leaks.filter((leak) => leak.kind === 'throw').sort((a, b) => a.node.range[0] - b.node.range[0])[0];
      const failure = thrown && leaks.every((leak) => leak.kind === 'throw') ? { thrower: throwerText(analysis, thrown.node), line: thrown.node.loc.start.line } : undefined;
      return { closed: true, binding, releases: usage.releases, failure, usage, handedBackInClosure: handedBackIn };
    }
  }
}

/** The rule's messages; the codemod's report renders the same text. */
const noClientPerCallMessages: Record<NoClientPerCallMessageId, string> = {
  neverClosed:
    'A new {{resource}} is created on every run of {{where}} and never closed: each one stays open with what it holds (connections, files, watches), a leak. Create one at start-up and pass it in.',
  madePerCallNothingToClose:
    'A new {{resource}} is created on every run of {{where}}: it has no close(), and each one sets up its own credentials, token fetches and refreshes, which nothing reuses (connection churn). Create one at start-up and pass it in.',
  closedPerCall:
    'A new {{resource}} is opened and closed on every run of {{where}}: a connection set-up and tear-down per call (connection churn). Create one client at start-up and reuse it.',
  closedOnlyOnSuccess:
    'A new {{resource}} is created on every run of {{where}} and closed only on success: when `{{thrower}}` (line {{line}}) throws, it stays open (a leak). Create one client at start-up and reuse it.',
  slotOverwritten:
    'A new {{resource}} is stored in `{{slot}}` on every run of {{where}}, replacing the previous one without closing it (a leak). Create it once (in the constructor, at start-up, or lazily with `??=`) and reuse it.',
  cacheFilledAfterAwait:
    'A new {{resource}} is connected by `{{maker}}` and stored in `{{slot}}` only after an `await`: callers that arrive while it connects find `{{slot}}` empty and each create a client of their own, and all but the last one stored stay open (a leak). Store the pending promise in `{{slot}}` before the first `await`.',
  perScopedInstance:
    'A new {{resource}} is created for every instance of `{{provider}}` (kept in `{{field}}`), a provider with `{{scope}}` that the container builds again for every request or injection; nothing closes it (a leak). Provide one client with the default scope and inject it.',
  keyedSlotBypassed:
    'A new {{resource}} is created by `{{maker}}` and stored in `{{slot}}` on every run of {{where}}, which does not look its key up there first: the client already cached under that key is replaced without being closed (a leak). Reuse the cached client (`get(key) ?? create(key)`).',
};

/**
 * `no-client-per-call`. No suggestion: the fix moves the client to module level and injects it, which
 * is the codemod's (`singleton-client`) job.
 */
export const noClientPerCall: RuleDescriptor<NoClientPerCallMessageId, typeof noClientPerCallOptions, ClientRemedyPlan> = {
  name: NO_CLIENT_PER_CALL,
  description: 'Disallow creating connection-owning clients (gRPC, database, Redis, Kafka, HTTP agents) per request, message or call',
  recommended: true,
  messages: noClientPerCallMessages,
  options: noClientPerCallOptions,
  detect: detectClientsPerCall,
};

/**
 * `neverClosed`, or for a client with nothing to close (Google Cloud `Storage`, `BigQuery`) the
 * message that says what one per call costs — its own credentials and token traffic — rather than a
 * connection left open that it does not have.
 */
function neverClosedFor(entry: ResourceEntry): NoClientPerCallMessageId {
  return entry.ownsNoConnection ? 'madePerCallNothingToClose' : 'neverClosed';
}

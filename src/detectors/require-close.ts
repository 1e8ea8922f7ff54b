import { madeByOwnedParent } from '../ownership/owned-parent';
import type { TSESTree } from '@typescript-eslint/utils';
import { slotDroppedOnError } from '../ownership/dropped-slots';
import { slotReplacedOnRerun } from '../ownership/rerun-slots';
import { readyListenerHoldingReleases } from '../flow/ready-listeners';
import { connectedBeforeKeptEntry, isRepeatedPackageProduct, mayMentionObservedRelease, observedReleaseEntry, oneShotClientEntry, RELEASE_METHODS, type HandedOver } from '../ownership/observed-release';
import { carriedHandlesOf, type CarriedHandle } from '../ownership/carried-handles';
import { releasedParameters } from '../ownership/releasing-helper-parameters';
import { assignedThisField, fieldMethodCalls, methodScopedField, releaseOfStoringClass } from '../ownership/method-scoped-field';
import { planInlineReceiver } from '../remedies/plan-inline-receiver';
import { planReleaseBeforeReturns } from '../remedies/plan-release-before-returns';
import { isResolvedWith, promiseExecutorSettles, releasesOnlyWhereSettled, settleStatement, unreleasedSettlements } from '../lifetime/promise-settlement';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, isFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { acquisitionFlag, elseAcquisition } from '../flow/acquisition-flag';
import { connectionPeer, pipeDestination } from '../flow/connection-peer';
import { fieldTimeoutListenerWithoutRelease, timeoutListenerWithoutRelease } from '../flow/timeout-listener';
import { abandonedPipeSources } from '../flow/abandoned-pipe-sources';
import { isGivingUp } from '../flow/give-up-paths';
import { helperKeepsItsResult } from '../ownership/helper-kept-results';
import { mayMentionPairedCalls, pairedRelease, type PairedRelease } from '../ownership/paired-calls';
import { mayMentionReleaseFunction, observedFunctionReleaseEntry } from '../ownership/observed-function-release';
import { endedFlags, releasesBesideListeners } from '../flow/listener-releases';
import { releasesInOwnChainFinally } from '../flow/chain-finally-releases';
import { continuationOf, errorFirstReleaseCallbacks, isErrorFirstCallback, successOnlyContinuation } from '../flow/continuations';
import { nodeIndexOf } from '../ast/node-index';
import { walk, type Node } from '../ast/traverse';
import { findVariable } from '../ast/scopes';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { OptionValues } from '../descriptors/option-spec';
import type { Finding, Refusal, Remedy } from '../findings/finding';
import { editsForWrapInTryFinally } from '../fix/wrap-in-try-finally';
import type { WrapInTryFinallyPlan } from '../remedies/try-finally-plan';
import { ownershipOptions } from '../ownership/ownership-options';
import { openedAt } from '../ownership/opening-calls';
import { findLeakPaths, quietByContract, type LeakPath, type ReleaseSites } from '../flow/release-paths';
import { bindingOf, couldBeOwnedHere } from '../ownership/acquisition-binding';
import { layeredOnGivenConnection } from '../ownership/layered-connections';
import { borrowedOptionProperty, borrowerOf, borrowerQuietCalls, drainingLoops, isDrained } from '../ownership/borrowed-options';
import { analyzeHandleUsage, type HandleUsage, type HandOff } from '../ownership/handle-usage';
import { wrapperHolding, type WrapperHolding } from '../ownership/wrapper-field';
import { fieldLeftByTeardown, mayDeclareTeardown } from '../ownership/teardown-fields';
import { usesSemicolons } from '../fix/source-style';
import type { ResourceEntry } from '../registry/resource-entry';
import { mayMentionAcquisition } from '../registry/text-precheck';
import { isTracingSilence, traceSilence } from '../debug/silence-trace';
import { runsOncePerProcess } from '../lifetime/run-once-sites';
import { releaseSkippedByErrorExit } from '../flow/error-first-skips';
import { planDestroyInErrorListener, planCloseAtOnce, planDestroyInlineSourceOnPeerClose, planFieldReleasedByTheMethod, planDestroyOnPeerClose, planDestroyOnSourceError, planHoistedOption, planMoveIntoTry, planReleaseInChainFinally, planReleaseOnError, planReleasedParameter, planTryFinally } from '../remedies/plan-try-finally';
import { callbackFunction } from '../ast/named-callbacks';

export const REQUIRE_CLOSE = 'require-close';

const LISTENER_REGISTRATIONS = ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener'];

const requireCloseOptions = ownershipOptions('handle');

type RequireCloseOptions = OptionValues<typeof requireCloseOptions>;

type RequireCloseMessageId =
  | 'neverReleased'
  | 'releasedOnlyOnSuccess'
  | 'notReleasedOnEveryPath'
  | 'handedOverOnlyOnSuccess'
  | 'pipedIntoPeer'
  | 'pipedFromUnwatchedSource'
  | 'pipedIntoFailingDestination'
  | 'timeoutWithoutRelease'
  | 'settledWithoutRelease'
  | 'droppedOnError'
  | 'replacedOnRerun'
  | 'notReleasedByTeardown';

/** The finding `require-close` reports: its message, and a plan for `try-finally-close`. */
type RequireCloseFinding = Finding<RequireCloseMessageId, WrapInTryFinallyPlan>;

function lineOf(node: Node): number {
  return node.loc.start.line;
}

function releaseName(entry: ResourceEntry): string {
  const release = entry.releases[0];
  if (!release) return 'give it back';
  if ('method' in release) return release.method.startsWith('[') ? `${release.method}()` : `.${release.method}()`;
  if ('function' in release) return `${release.function.name}()`;
  return `an '${release.listener}' listener`;
}

/**
 * `require-close`: a handle acquired by a function (not returned, stored or handed to an owner)
 * that is not released on every path out of it, exceptions included.
 */
function detectUnreleasedHandles(analysis: Analysis, options: RequireCloseOptions): RequireCloseFinding[] {
  // Typed mode also finds project factories and Disposable types, which no text check can see.
  const observable = mayMentionObservedRelease(analysis.sourceText);
  const paired = mayMentionPairedCalls(analysis.sourceText);
  const releaseFunctions = mayMentionReleaseFunction(analysis.sourceText, analysis);
  // A client kept by a class with a teardown method is judged too (see teardown-fields).
  const teardownClients = mayDeclareTeardown(analysis.sourceText) && mayMentionAcquisition(analysis.sourceText, analysis.registry, 'client');
  if (!analysis.oracle.typed && !observable && !paired && !releaseFunctions && !teardownClients && !mayMentionAcquisition(analysis.sourceText, analysis.registry, 'handle')) return [];
  const findings: RequireCloseFinding[] = [];
  const mentionsPromise = analysis.sourceText.includes('new Promise');
  for (const node of nodeIndexOf(analysis.ast).acquisitionCandidates) {
    const owner = enclosingFunction(node);
    // Module level and class fields run once and live as long as the process or the instance.
    if (!owner) continue;
    const ownable = couldBeOwnedHere(node);
    const option = ownable ? undefined : borrowedOptionProperty(node, analysis.registry);
    const wrapper = ownable || option ? undefined : wrapperHolding(node, analysis.scopeManager);
    if (!ownable && !option && !wrapper) {
      if (isTracingSilence() && analysis.oracle.acquisition(node)) traceSilence(REQUIRE_CLOSE, node, 'not-ownable-here');
      continue;
    }
    const entry = analysis.oracle.acquisition(node);
    if (entry && layeredOnGivenConnection(node, entry, analysis.scopeManager)) {
      traceSilence(REQUIRE_CLOSE, node, 'layered-on-given-connection');
      continue;
    }
    // Kept in a long-lived slot, it is the slot's owner's to end, unless an error handler here empties the slot first.
    const dropped = ownable ? (judgeDroppedSlot(analysis, node, owner, entry) ?? judgeReplacedSlot(analysis, node, owner, entry)) : undefined;
    if (dropped) {
      findings.push(dropped);
      continue;
    }
    if (entry?.endsOnItsOwn) {
      const finding = ownable ? judgeGivenUp(analysis, options, node, owner, entry, mentionsPromise) : undefined;
      if (finding) findings.push(finding);
      continue;
    }
    if (ownable && assignedThisField(node) !== undefined) {
      const finding = judgeMethodScopedField(analysis, node, owner, entry) ?? judgeTeardownField(analysis, node, owner, entry);
      if (finding) findings.push(finding);
      continue;
    }
    // `browser.newPage()` of a browser this function launched and closes: closing the browser closes it.
    if (ownable && (entry === undefined || entry.kind === 'handle') && madeByOwnedParent(analysis, node)) {
      traceSilence(REQUIRE_CLOSE, node, 'made-by-owned-parent');
      continue;
    }
    // `const { conn, done } = await openDb()`: handles a helper of this file acquired and handed over.
    const carried = !entry && ownable ? carriedHandlesOf(node, analysis.scopeManager) : [];
    if (carried.length > 0) {
      for (const handle of carried) {
        const finding = judgeCarried(analysis, options, node, owner, handle, observable);
        if (finding) findings.push(finding);
      }
      continue;
    }
    if (!entry && ownable && isThenReceiver(node)) {
      const finding = judgeContinuationParameter(analysis, options, node as TSESTree.CallExpression);
      if (finding) findings.push(finding);
      continue;
    }
    if (!entry && ownable && node.type === AST_NODE_TYPES.CallExpression && isErrorFirstCallback(callbackFunction(node.arguments.at(-1), analysis.scopeManager))) {
      const finding = judgeCallbackParameter(analysis, options, node);
      if (finding) findings.push(finding);
      continue;
    }
    // Not a resource the registry knows, but one the function releases itself (`browser.close()`).
    const handle =
      entry?.kind === 'client' && ownable
        ? (oneShotClientEntry(analysis, node, owner, entry) ?? connectedBeforeKeptEntry(analysis, node, owner, entry))
        : (entry ??
          (ownable && observable ? observedReleaseEntry(analysis, node, owner) : undefined) ??
          (ownable && releaseFunctions ? observedFunctionReleaseEntry(analysis, node, owner) : undefined));
    // A resource of a promise executor: the settling paths are its exits, once the usual judgement finds nothing.
    const settlement = () => {
      const settles = ownable && mentionsPromise && (!entry || entry.kind === 'handle' || entry.kind === 'client') ? promiseExecutorSettles(owner) : undefined;
      if (!settles) return undefined;
      const judged = entry ?? (handle?.kind === 'handle' ? handle : undefined);
      if (judged) return judgeSettlement(analysis, node, owner, settles, judged);
      // Typed: a value that holds a connection by its shape (a WebSocket client: `close()` and a
      // socket), which only a timer giving up on it tells this rule to end.
      const connection = analysis.oracle.connectionOwner?.(node);
      // Either way the code's own evidence (a class method that ends the value) still counts.
      return (connection && judgeSettlement(analysis, node, owner, settles, connection, true)) ?? judgeSettlement(analysis, node, owner, settles, undefined);
    };
    if (!handle && !entry && ownable && paired) {
      const pairing = pairedRelease(analysis, node, owner);
      if (pairing) {
        const finding = judgePaired(analysis, options, node, owner, pairing);
        if (finding) findings.push(finding);
        continue;
      }
    }
    if (!handle || handle.kind !== 'handle') {
      const finding = settlement();
      if (finding) findings.push(finding);
      else if (entry) traceSilence(REQUIRE_CLOSE, node, `not-a-handle:${entry.kind}`);
      continue;
    }
    const finding = option
      ? judgeInlineOption(analysis, options, node, option, owner, handle)
      : wrapper
        ? judgeWrapped(analysis, options, node, wrapper, owner, handle)
        : judgeAcquisition(analysis, options, node, owner, handle);
    if (finding?.messageId === 'releasedOnlyOnSuccess' && !entry && endsOnlyByTeardownName(handle)) {
      traceSilence(REQUIRE_CLOSE, node, 'in-memory-teardown-on-throw');
      continue;
    }
    const judged = finding ?? settlement();
    if (judged) findings.push(judged);
    else traceSilence(REQUIRE_CLOSE, node, 'judged-released');
  }
  if (observable) findings.push(...releasedParameterFindings(analysis, options));
  findings.push(...abandonedSources(analysis, findings));
  return findings.filter((finding) => !missedOnlyByRunOnceFailure(analysis, finding));
}

/** Findings about a release that a throw skips: on success the handle is released. */
const SUCCESS_ONLY = new Set<string>(['releasedOnlyOnSuccess', 'handedOverOnlyOnSuccess']);

/**
 * `processEvents()` called only from a script's `main()` (or from start-up code like it): a release
 * skipped by a throw there is skipped once in the life of the process, which then goes down or goes
 * on without the work — nothing piles up. Released on success, such a handle is no leak; one never
 * released at all (a readline interface made at load that keeps the process alive) still is.
 */
function missedOnlyByRunOnceFailure(analysis: Analysis, finding: RequireCloseFinding): boolean {
  if (!SUCCESS_ONLY.has(finding.messageId) || !runsOncePerProcess(outsidePromiseExecutor(finding.node), analysis.scopeManager, analysis.oracle)) return false;
  traceSilence(REQUIRE_CLOSE, finding.node, 'success-only-in-run-once-code');
  return true;
}

/**
 * `async function finish(conn) { await conn.query('COMMIT'); conn.release(); }` called with a
 * connection its caller acquired: the caller's ownership ends at the call (it counts as its release),
 * so the helper owns the connection and must release it on every path (see releasing-helper-parameters).
 */
function releasedParameterFindings(analysis: Analysis, options: RequireCloseOptions): RequireCloseFinding[] {
  return releasedParameters(analysis).flatMap(({ helper, parameter, variable, entry }) => {
    const binding: VariableBinding = { kind: 'variable', variable, target: parameter, declarator: undefined };
    const finding = judgeBinding(analysis, options, parameter, binding, helper, entry);
    if (finding?.messageId !== 'releasedOnlyOnSuccess' && finding?.messageId !== 'notReleasedOnEveryPath') return finding ? [finding] : [];
    const usage = analyzeHandleUsage(variable, parameter, helper, entry, analysis, options);
    return [{ ...finding, remedy: planReleasedParameter(analysis, { acquisition: parameter, binding, owner: helper, entry, usage }) }];
  });
}

/** Sources a `.pipe()` leaves open when its destination fails (see abandoned-pipe-sources), unless already reported. */
function abandonedSources(analysis: Analysis, reported: readonly RequireCloseFinding[]): RequireCloseFinding[] {
  const findings: RequireCloseFinding[] = [];
  for (const abandoned of abandonedPipeSources(analysis)) {
    if (reported.some((finding) => finding.node === abandoned.acquisition)) continue;
    const destination = abandoned.pipe.arguments[0];
    findings.push({
      ruleId: REQUIRE_CLOSE,
      messageId: 'pipedIntoFailingDestination',
      node: abandoned.acquisition,
      data: {
        resource: abandoned.entry.description,
        destination: describeThrower(analysis, destination),
        line: String(lineOf(abandoned.listener)),
      },
      remedy: planDestroyInErrorListener(analysis, {
        pipe: abandoned.pipe,
        source: abandoned.acquisition,
        variable: abandoned.variable,
        listener: abandoned.listener,
        entry: abandoned.entry,
        owner: enclosingFunction(abandoned.pipe)!,
      }),
    });
  }
  return findings;
}

/**
 * `const conn = await pool.acquire()` given back with `pool.release(conn)`, `const release = await
 * mutex.acquire()` given back with `release()`: judged like a handle whose releases are those calls.
 */
function judgePaired(analysis: Analysis, options: RequireCloseOptions, acquisition: Node, owner: FunctionNode, paired: PairedRelease): RequireCloseFinding | undefined {
  const binding = bindingOf(acquisition, owner, paired.entry, analysis.scopeManager, analysis.oracle);
  if (binding.kind !== 'variable') return undefined;
  return judgeBinding(
    analysis,
    options,
    acquisition,
    binding,
    owner,
    paired.entry,
    { kind: 'refusal', reason: 'it is given back by a call of its own API; make that call in a `finally` (or a `catch` that rethrows) around its uses' },
    undefined,
    true,
    paired.calls,
  );
}

/**
 * `const { conn, done } = await openDb()`: the caller owns what the helper acquired and handed over
 * in the object it returned (see carried-handles), and calling a closure of that object that
 * releases it (`done()`) is a release. Judged like a handle the caller acquired itself: the helper's
 * registry entry, a client the caller closes itself (one-shot), or the release the code writes.
 */
function judgeCarried(analysis: Analysis, options: RequireCloseOptions, acquisition: Node, owner: FunctionNode, carried: CarriedHandle, observable: boolean): RequireCloseFinding | undefined {
  const handedOver: HandedOver = {
    held: { name: carried.variable.name, variable: carried.variable },
    site: acquisition,
    closureCalls: new Set(carried.closures.flatMap((closure) => [...closure.calls])),
  };
  const made = analysis.oracle.acquisition(carried.made);
  const entry =
    made?.kind === 'client'
      ? oneShotClientEntry(analysis, carried.made, owner, made, handedOver)
      : (made ?? (observable ? observedReleaseEntry(analysis, carried.made, owner, handedOver) : undefined));
  if (!entry || entry.kind !== 'handle' || entry.endsOnItsOwn) return undefined;
  const releaseMethods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  const calls: Node[] = [];
  for (const closure of carried.closures) {
    if (![...closure.calls].some((method) => releaseMethods.has(method))) continue;
    for (const reference of closure.variable.references) {
      if (reference.init) continue;
      const value = outermostWrapper(reference.identifier);
      const call = value.parent;
      // Passed on (`res.on('finish', done)`): whoever holds it now releases the handle.
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== value) return undefined;
      calls.push(call);
    }
  }
  const declarator = outermostWrapper(acquisition).parent as TSESTree.VariableDeclarator;
  const binding: VariableBinding = { kind: 'variable', variable: carried.variable, target: carried.target, declarator };
  return judgeBinding(analysis, options, acquisition, binding, owner, entry, undefined, undefined, true, calls.length > 0 ? calls : undefined);
}

/** `pool.getConnection().then((connection) => …)`: a call whose promise a `.then(callback)` continues. */
function isThenReceiver(node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const member = outermostWrapper(node).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(node) || staticPropertyName(member) !== 'then') return false;
  const call = member.parent;
  return call?.type === AST_NODE_TYPES.CallExpression && call.callee === member && isFunction(call.arguments[0]);
}

function judgeAcquisition(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  owner: FunctionNode,
  entry: ResourceEntry,
): RequireCloseFinding | undefined {
  const inline = inlinePipeIntoPeer(analysis, acquisition, owner, entry);
  if (inline) return inline;
  const binding = bindingOf(acquisition, owner, entry, analysis.scopeManager, analysis.oracle);
  // `if (ownRunner) await runner.release()` after `if (…ownRunner) runner = createQueryRunner()`.
  const flag = binding.kind === 'variable' && !binding.declarator ? acquisitionFlag(acquisition, owner, analysis.sourceText, analysis.scopeManager) : undefined;
  // `if (useCache) producer = cached(); else producer = kafka.producer()`: the other branch's value is borrowed.
  const borrowedBranch = flag?.when === 'falsy' ? elseAcquisition(acquisition, owner, analysis.scopeManager)?.otherBranch : undefined;
  return judgeBinding(analysis, options, acquisition, binding, owner, entry, undefined, flag, true, undefined, borrowedBranch);
}

/**
 * A resource that ends by itself (a request, a child process) needs a release only where the code
 * stops waiting for it: a 'timeout' listener that does not end it, or a timer that settles the promise
 * around it (see give-up-paths). Every other path lets it run to its end.
 */
function judgeGivenUp(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  owner: FunctionNode,
  entry: ResourceEntry,
  mentionsPromise: boolean,
): RequireCloseFinding | undefined {
  const binding = bindingOf(acquisition, owner, entry, analysis.scopeManager, analysis.oracle);
  if (binding.kind === 'variable') {
    const usage = analyzeHandleUsage(binding.variable, binding.target, owner, entry, analysis, options);
    const keptHere = usage.handOffs.every((handOff) => handOff.reason === 'handed to its listeners' || handOff.reason === 'released in a callback' || handOff.reason === 'piped');
    const idle = keptHere ? timeoutListenerWithoutRelease(usage.variables, entry, analysis.scopeManager) : undefined;
    if (idle) {
      return {
        ruleId: REQUIRE_CLOSE,
        messageId: 'timeoutWithoutRelease',
        node: acquisition,
        data: { resource: entry.description, release: releaseName(entry), line: String(lineOf(idle)) },
        remedy: { kind: 'refusal', reason: `a 'timeout' listener gives up on it; call \`${releaseName(entry)}\` in the listener` },
      };
    }
  }
  const settles = mentionsPromise ? promiseExecutorSettles(owner) : undefined;
  return settles && judgeSettlement(analysis, acquisition, owner, settles, entry);
}

/**
 * A resource made in a `new Promise` executor lives until the promise settles: every callback that
 * calls `resolve`/`reject` is an exit of its owner and must release it or hand it on. Judged only
 * when some settling path does (the code says what ends it) and every release is on a settling path
 * (a 'close' listener that releases it later would make the others harmless).
 */
function judgeSettlement(
  analysis: Analysis,
  acquisition: Node,
  executor: FunctionNode,
  settles: ReadonlySet<string>,
  entry: ResourceEntry | undefined,
  /** Judge only the settling paths that give up on it (see give-up-paths). */
  givingUpOnlyAlways = false,
): RequireCloseFinding | undefined {
  const declarator = outermostWrapper(acquisition).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.init !== outermostWrapper(acquisition)) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable) return undefined;
  if (!entry && !isRepeatedPackageProduct(analysis, acquisition)) return undefined;
  const entryMethods = entry?.releases.flatMap((release) => ('method' in release && !release.method.startsWith('[') && !release.async ? [release.method] : []));
  if (entryMethods?.length === 0) return undefined;
  // Any release method the code calls on it counts: the reply may `close()` what the timeout `destroy()`s.
  const methods = new Set([...(entryMethods ?? []), ...RELEASE_METHODS]);
  const releases: Node[] = [];
  const ends: Node[] = [];
  const references: Node[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (identifier === declarator.id) continue;
    references.push(identifier);
    const end = settlementEnd(identifier, methods, settles);
    if (!end) continue;
    // Released or handed on in the executor itself: the resource is not the settling paths' to end.
    if (enclosingFunction(identifier) === executor) return undefined;
    ends.push(end.node);
    if (end.kind === 'release') releases.push(end.node);
  }
  const releaseMethod = releases.length > 0 ? releasedMethod(releases[0]) : entry ? [...methods][0] : releaseOfStoringClass(references, methods);
  // Without a path that ends it, only a timer that gives up on it says it should have been ended;
  // a resource that ends by itself needs ending only there, whatever its other paths do.
  const givingUpOnly = givingUpOnlyAlways || ends.length === 0 || entry?.endsOnItsOwn === true;
  if (!releaseMethod || (ends.length === 0 && !entry)) return undefined;
  if (!releasesOnlyWhereSettled(releases, executor, settles) || !releasesOnlyWhereSettled(ends, executor, settles)) return undefined;
  const unreleased = unreleasedSettlements(executor, settles, acquisition, variable, ends).filter(
    (site) => !givingUpOnly || isGivingUp(site.settle, site.callback, analysis.ast, analysis.scopeManager),
  );
  const first = unreleased[0];
  if (!first) return undefined;
  const name = declarator.id.name;
  const resource = entry ? entry.description : `\`${name}\` from \`${describeThrower(analysis, unwrapAwait(acquisition))}\``;
  const statements = unreleased.map((site) => (site.callback ? settleStatement(site.settle) : undefined));
  const fixable = statements.every((statement) => statement && isInStatementList(statement));
  const semicolon = analysis.sourceText.slice(declarator.parent.range[0], declarator.parent.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const remedy: Remedy<WrapInTryFinallyPlan> = fixable
    ? {
        kind: 'wrap-in-try-finally',
        declaration: declarator.parent,
        first: declarator.parent,
        last: declarator.parent,
        removals: [],
        release: `${name}.${releaseMethod}()${semicolon}`,
        disposal: undefined,
        inAsyncFunction: executor.async,
        releaseBeforeSettles: { statements: statements as TSESTree.Statement[], release: `${name}.${releaseMethod}()${semicolon}` },
      }
    : { kind: 'refusal', reason: `it lives until the promise settles, and \`${describeThrower(analysis, first.settle)}\` settles it without releasing it; call \`${name}.${releaseMethod}()\` before it` };
  return {
    ruleId: REQUIRE_CLOSE,
    messageId: 'settledWithoutRelease',
    node: acquisition,
    data: { resource, release: `.${releaseMethod}()`, settle: describeThrower(analysis, first.settle), line: String(lineOf(first.settle)) },
    remedy,
  };
}

/** What a reference to the resource does at a settling path's end: releases it, or hands it on. */
function settlementEnd(identifier: Node, methods: ReadonlySet<string>, settles: ReadonlySet<string>): { kind: 'release' | 'handOff'; node: Node } | undefined {
  const value = outermostWrapper(identifier);
  const parent = value.parent;
  if (!parent) return undefined;
  if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === value) {
    const call = outermostWrapper(parent).parent;
    const method = staticPropertyName(parent);
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(parent) && method !== undefined && methods.has(method)) return { kind: 'release', node: call };
    return undefined;
  }
  if (isResolvedWith(identifier, settles)) return { kind: 'handOff', node: value };
  switch (parent.type) {
    case AST_NODE_TYPES.AssignmentExpression:
      return parent.right === value ? { kind: 'handOff', node: parent } : undefined;
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return { kind: 'handOff', node: value };
    default:
      return undefined;
  }
}

/** `client.end()`: the method a release call calls. */
function releasedMethod(call: Node): string | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = call.callee;
  return callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
}

function isInStatementList(statement: Node): boolean {
  const list = statement.parent;
  return list?.type === AST_NODE_TYPES.BlockStatement || list?.type === AST_NODE_TYPES.SwitchCase || list?.type === AST_NODE_TYPES.Program;
}

/**
 * `this.browser = await puppeteer.launch()` in a method that also releases `this.browser` (itself or
 * through `this.close()`): the field only carries the value between the method and its helpers, so
 * the method owns it, and a throw between the acquisition and the release leaves it open (webhint's
 * browser after a navigation timeout; a pg client checked out into `this.connection` while the
 * query fails). Without a registry entry the value must be a package's product, as for locals.
 */
function judgeMethodScopedField(analysis: Analysis, acquisition: Node, owner: FunctionNode, entry: ResourceEntry | undefined): RequireCloseFinding | undefined {
  if (entry && entry.kind !== 'handle' && entry.kind !== 'client') return undefined;
  const entryMethods = entry?.releases.flatMap((release) => ('method' in release && !release.method.startsWith('[') ? [release.method] : []));
  if (entry && entryMethods?.length === 0) return undefined;
  if (!entry && (!mayMentionObservedRelease(analysis.sourceText) || !isRepeatedPackageProduct(analysis, acquisition))) return undefined;
  const scoped = methodScopedField(acquisition, owner, new Set(entryMethods ?? RELEASE_METHODS), analysis.scopeManager);
  if (!scoped) return undefined;
  const leaks = findLeakPaths(owner, {
    acquisition,
    scope: owner.body,
    releases: new Set(scoped.releases),
    names: new Set<string>(),
    // `this.socket.write(…)` is as quiet as `socket.write(…)`.
    quietCalls: fieldMethodCalls(owner, scoped.field, new Set(entry?.quietMethods ?? [])),
    quietByContract: quietByContract(analysis),
  });
  if (leaks.length === 0) return undefined;
  const produced = unwrapAwait(acquisition);
  const made = produced.type === AST_NODE_TYPES.CallExpression || produced.type === AST_NODE_TYPES.NewExpression ? analysis.sourceText.slice(produced.callee.range[0], produced.callee.range[1]) : undefined;
  const resource = entry ? entry.description : `\`this.${scoped.field}\`${made ? ` from \`${produced.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${made}()\`` : ''}`;
  const data = { resource, release: entry ? releaseName(entry) : `.${scoped.releaseMethod}()` };
  const remedy: Remedy<WrapInTryFinallyPlan> = planFieldReleasedByTheMethod(analysis, { acquisition, owner, field: scoped.field, releases: scoped.releases });
  const base = { ruleId: REQUIRE_CLOSE, node: acquisition, remedy } as const;
  const earlyExit = leaks.find((leak) => leak.kind !== 'throw');
  if (earlyExit) return { ...base, messageId: 'notReleasedOnEveryPath', data: { ...data, line: String(exitLine(earlyExit)) } };
  const thrower = firstLeak(leaks);
  return { ...base, messageId: 'releasedOnlyOnSuccess', data: { ...data, thrower: describeThrower(analysis, thrower.node), line: String(lineOf(thrower.node)) } };
}

/**
 * `this.watcher = chokidar.watch(path)` in a class whose `dispose()` never releases it (see
 * teardown-fields): every instance torn down leaves it open. The fix releases it at the end of that
 * method: awaited in an async one; otherwise with its rejection caught, since nobody awaits it.
 */
function judgeTeardownField(analysis: Analysis, acquisition: Node, owner: FunctionNode, entry: ResourceEntry | undefined): RequireCloseFinding | undefined {
  if (!entry || (entry.kind !== 'handle' && entry.kind !== 'client')) return undefined;
  const left = fieldLeftByTeardown(acquisition, owner, entry, analysis.ast);
  if (!left) return undefined;
  const body = left.teardown.value.body;
  const call = `this.${left.field}${left.alwaysSet ? '' : '?'}.${left.release.method}()`;
  const semicolon = usesSemicolons(analysis.ast, analysis.sourceText) ? ';' : '';
  const text = left.release.async ? (left.teardown.value.async ? `await ${call}${semicolon}` : `${call}.catch(() => undefined)${semicolon}`) : `${call}${semicolon}`;
  const last = body.body.at(-1);
  const endsOpen = last !== undefined && last.type !== AST_NODE_TYPES.ReturnStatement && last.type !== AST_NODE_TYPES.ThrowStatement;
  return {
    ruleId: REQUIRE_CLOSE,
    messageId: 'notReleasedByTeardown',
    node: acquisition,
    data: { resource: entry.description, field: `this.${left.field}`, teardown: `${left.teardownName}()`, release: `.${left.release.method}()` },
    remedy: endsOpen
      ? {
          kind: 'wrap-in-try-finally',
          declaration: undefined,
          first: last,
          last,
          removals: [],
          release: text,
          disposal: undefined,
          inAsyncFunction: left.teardown.value.async,
          releaseBeforeSettles: { statements: [], release: text, ends: [body], teardown: true },
        }
      : { kind: 'refusal', reason: `call \`${call}\` in \`${left.teardownName}()\`` },
  };
}

/**
 * `this.process = spawn(…)` in a `try` whose `catch` sets `this.process = null` before anything
 * releases it (see slotDroppedOnError): the resource outlives the only reference to it. The fix
 * releases the slot right before the drop, best effort, so the handler's own error still wins.
 */
function judgeDroppedSlot(analysis: Analysis, acquisition: Node, owner: FunctionNode, entry: ResourceEntry | undefined): RequireCloseFinding | undefined {
  if (!entry || (entry.kind !== 'handle' && entry.kind !== 'client')) return undefined;
  const dropped = slotDroppedOnError(acquisition, entry, analysis.scopeManager);
  if (!dropped) return undefined;
  const semicolon = analysis.sourceText.slice(dropped.drop.range[0], dropped.drop.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const call = `${dropped.text}?.${dropped.method}()`;
  const release = dropped.async ? `${owner.async ? 'await ' : 'void '}${call}.catch(() => undefined)${semicolon}` : `${call}${semicolon}`;
  return {
    ruleId: REQUIRE_CLOSE,
    messageId: 'droppedOnError',
    node: acquisition,
    data: { resource: entry.description, slot: dropped.text, line: String(lineOf(dropped.drop)), release: `.${dropped.method}()` },
    remedy: isInStatementList(dropped.drop)
      ? {
          kind: 'wrap-in-try-finally',
          declaration: undefined,
          first: dropped.drop,
          last: dropped.drop,
          removals: [],
          release,
          disposal: undefined,
          inAsyncFunction: owner.async,
          releaseBeforeSettles: { statements: [dropped.drop], release, drops: true },
        }
      : { kind: 'refusal', reason: `call \`${call}\` before \`${dropped.text}\` is emptied on line ${lineOf(dropped.drop)}` },
  };
}

/**
 * `this.fileStream = fs.createWriteStream(p)` in a method the class runs again itself (a retry): see
 * slotReplacedOnRerun. The fix releases the previous handle right before the slot is filled again
 * (`this.fileStream?.destroy();`), a no-op on the first run and on one that already ended.
 */
function judgeReplacedSlot(analysis: Analysis, acquisition: Node, owner: FunctionNode, entry: ResourceEntry | undefined): RequireCloseFinding | undefined {
  if (entry?.kind !== 'handle') return undefined;
  const replaced = slotReplacedOnRerun(acquisition, entry, analysis.scopeManager);
  if (!replaced) return undefined;
  const methods = entry.releases.flatMap((release) => ('method' in release && !release.method.startsWith('[') ? [release] : []));
  // `destroy()` ends a stream whatever state it is in; `close()` would wait for a flush that a failed one never makes.
  const release = methods.find((candidate) => candidate.method === 'destroy') ?? methods[0];
  if (!release) return undefined;
  const statement = outermostWrapper(replaced.slot.assignment).parent;
  const call = `${replaced.slot.text}?.${release.method}()`;
  const semicolon = statement && analysis.sourceText.slice(statement.range[0], statement.range[1]).trimEnd().endsWith(';') ? ';' : '';
  const text = release.async ? `${owner.async ? 'await ' : 'void '}${call}${semicolon}` : `${call}${semicolon}`;
  return {
    ruleId: REQUIRE_CLOSE,
    messageId: 'replacedOnRerun',
    node: acquisition,
    data: {
      resource: entry.description,
      slot: replaced.slot.text,
      method: replaced.method,
      rerun: `this.${replaced.method}()`,
      line: String(lineOf(replaced.rerun)),
      release: `.${release.method}()`,
    },
    remedy:
      statement?.type === AST_NODE_TYPES.ExpressionStatement && isInStatementList(statement)
        ? {
            kind: 'wrap-in-try-finally',
            declaration: undefined,
            first: statement,
            last: statement,
            removals: [],
            release: text,
            disposal: undefined,
            inAsyncFunction: owner.async,
            releaseBeforeSettles: { statements: [statement], release: text, replaces: true },
          }
        : { kind: 'refusal', reason: `call \`${call}\` before \`${replaced.slot.text}\` is filled again` },
  };
}

function unwrapAwait(node: Node): Node {
  return node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
}

/**
 * `createReadStream(p).pipe(res);`: a stream nobody keeps, piped into the connection's other end.
 * `.pipe()` only borrows its destination and its source: when the client goes away the response
 * closes and the source is neither destroyed nor told (claudecraft: one descriptor per aborted
 * download). Only `pipeline()`/`finished()` take ownership; a pipe whose result is used further
 * (`.pipe(res).on(…)`) is left alone.
 */
function inlinePipeIntoPeer(analysis: Analysis, acquisition: Node, owner: FunctionNode, entry: ResourceEntry): RequireCloseFinding | undefined {
  const source = outermostWrapper(acquisition);
  const destination = pipeDestination(source);
  const pipe = destination?.parent;
  if (!destination || pipe?.type !== AST_NODE_TYPES.CallExpression || pipe.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const peer = connectionPeer(destination, analysis.scopeManager, analysis.oracle);
  if (!peer) return undefined;
  return {
    ruleId: REQUIRE_CLOSE,
    messageId: 'pipedIntoPeer',
    node: acquisition,
    data: { resource: entry.description, release: releaseName(entry), peer: peer.name },
    remedy: planDestroyInlineSourceOnPeerClose(analysis, { pipe, source, peer: peer.name, entry, owner }),
  };
}

type VariableBinding = Extract<ReturnType<typeof bindingOf>, { kind: 'variable' }>;

/**
 * `pool.getConnection().then((connection) => …)`: the callback's parameter is acquired when the
 * promise resolves, and the callback owns it like a `const connection = await pool.getConnection()`.
 */
function judgeContinuationParameter(analysis: Analysis, options: RequireCloseOptions, call: TSESTree.CallExpression): RequireCloseFinding | undefined {
  const member = outermostWrapper(call).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== outermostWrapper(call)) return undefined;
  const then = member.parent;
  if (then?.type !== AST_NODE_TYPES.CallExpression || then.callee !== member) return undefined;
  const callback = then.arguments[0];
  if (!callback || !isFunction(callback) || continuationOf(callback)?.role !== 'fulfilled') return undefined;
  const parameter = callback.params[0];
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const entry = analysis.oracle.settledAcquisition(call);
  if (!entry || entry.kind !== 'handle') return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(callback).find((candidate) => candidate.name === parameter.name);
  if (!variable) return undefined;
  const binding: VariableBinding = { kind: 'variable', variable, target: parameter, declarator: undefined };
  return judgeBinding(analysis, options, call, binding, callback, entry, {
    kind: 'refusal',
    reason: 'it is acquired in a `.then` callback; rewrite the chain with `await` so that a `finally` can release it',
  });
}

/**
 * `pool.getConnection((err, connection) => …)`: the Node-style callback's second parameter is what the
 * promise form resolves to. pg's `pool.connect((err, client, done) => …)` hands a third parameter that
 * releases the client: calling it counts as a release of the client.
 */
function judgeCallbackParameter(analysis: Analysis, options: RequireCloseOptions, call: TSESTree.CallExpression): RequireCloseFinding | undefined {
  // In place, or a local function passed by name (`pool.connect(connected)`).
  const callback = callbackFunction(call.arguments.at(-1), analysis.scopeManager);
  if (!isErrorFirstCallback(callback) || callback.params.length > 3) return undefined;
  const [error, parameter, releaser] = callback.params;
  if (parameter?.type !== AST_NODE_TYPES.Identifier || error?.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (releaser && releaser.type !== AST_NODE_TYPES.Identifier) return undefined;
  const entry = analysis.oracle.settledAcquisition(call);
  if (!entry || entry.kind !== 'handle') return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(callback).find((candidate) => candidate.name === parameter.name);
  if (!variable) return undefined;
  const binding: VariableBinding = { kind: 'variable', variable, target: parameter, declarator: undefined };
  return judgeBinding(
    analysis,
    options,
    call,
    binding,
    callback,
    entry,
    { kind: 'refusal', reason: 'it is acquired in a Node-style callback; release it on every path of the callbacks that use it, or rewrite them with `await` and `finally`' },
    // `if (err) return done(err)`: without a handle there is nothing to release.
    { name: error.name, when: 'falsy' },
    false,
    releaser ? releaserCalls(analysis, callback, releaser) : undefined,
  );
}

/** `done()`, `release(err)`: the calls of the callback's releasing parameter; undefined when it is passed on instead. */
function releaserCalls(analysis: Analysis, callback: FunctionNode, releaser: TSESTree.Identifier): Node[] | undefined {
  const variable = analysis.scopeManager.getDeclaredVariables(callback).find((candidate) => candidate.name === releaser.name);
  if (!variable) return undefined;
  const calls: Node[] = [];
  for (const reference of variable.references) {
    const value = outermostWrapper(reference.identifier);
    const call = value.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== value) return undefined;
    calls.push(call);
  }
  return calls;
}

function judgeBinding(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  binding: ReturnType<typeof bindingOf>,
  owner: FunctionNode,
  entry: ResourceEntry,
  refusal?: Refusal,
  presence?: ReleaseSites['presence'],
  /** In a Node-style callback a throw is an uncaught exception, not a path that leaks: only returns count. */
  throwsLeak = true,
  /** Calls that release the handle without naming it (pg's `done()`). */
  releaserCalls?: readonly Node[],
  /** The branch of an own-or-borrowed choice that assigns a borrowed value to the handle's variable. */
  borrowedBranch?: Node,
): RequireCloseFinding | undefined {
  // A callback's parameter is open from the callback's first statement.
  const openAtEntry = !isInside(acquisition, owner.body);
  const data = { resource: entry.description, release: releaseName(entry) };
  const report = (messageId: RequireCloseMessageId, extra: Record<string, string>, remedy: Remedy<WrapInTryFinallyPlan>): RequireCloseFinding => ({
    ruleId: REQUIRE_CLOSE,
    messageId,
    node: acquisition,
    data: { ...data, ...extra },
    remedy,
  });
  if (binding.kind === 'discarded') {
    if (helperKeepsItsResult(acquisition, analysis.scopeManager)) return undefined;
    return report('neverReleased', {}, refusal ?? planInlineReceiver(analysis, { acquisition, entry, owner }) ?? planCloseAtOnce(analysis, { acquisition, entry }));
  }
  if (binding.kind !== 'variable') {
    // Kept in a field of the instance, it is the instance's to end; a 'timeout' listener of this function still gives up on it.
    const idle = fieldTimeoutListenerWithoutRelease(acquisition, owner, entry);
    if (idle) return report('timeoutWithoutRelease', { line: String(lineOf(idle)) }, refusal ?? { kind: 'refusal', reason: "a 'timeout' listener must decide what ends the socket; call `.destroy()` (or `.end()`) in it" });
    traceSilence(REQUIRE_CLOSE, acquisition, `binding:${binding.kind}`);
    return undefined;
  }

  // A releaser call given the handle (`pool.release(conn)`) takes it back: no hand-off.
  const givenBack = releaserCalls ? (value: Node) => releaserCalls.some((call) => call.type === AST_NODE_TYPES.CallExpression && (call.arguments as readonly Node[]).includes(value)) : undefined;
  const used = withReleaserCalls(analyzeHandleUsage(binding.variable, binding.target, owner, entry, analysis, options, undefined, givenBack, borrowedBranch), releaserCalls, owner);
  // Released by the function itself and else only in listeners on other objects: still its owner.
  const besideListeners = releasesBesideListeners(used, owner, analysis.ast, analysis.scopeManager);
  // Released in a `.finally()` of a chain the function builds: its own release, at the chain's place.
  const inChainFinally = besideListeners ? undefined : releasesInOwnChainFinally(used, owner);
  const ownReleases = besideListeners ?? inChainFinally;
  const usage: HandleUsage = ownReleases ? { ...used, releases: ownReleases, escape: undefined, lentOnly: false } : used;
  // Lent to calls and released here too: this function is the owner, the callees only borrowed it.
  const owned = !usage.escape || (usage.lentOnly && usage.releases.length > 0);
  // Returned, stored or passed on: whoever holds it next may own its timeouts.
  const keptHere = usage.handOffs.every((handOff) => handOff.reason === 'handed to its listeners' || handOff.reason === 'released in a callback' || handOff.reason === 'piped');
  const idle = keptHere ? timeoutListenerWithoutRelease(usage.variables, entry, analysis.scopeManager) : undefined;
  if (idle) {
    return report('timeoutWithoutRelease', { line: String(lineOf(idle)) }, refusal ?? { kind: 'refusal', reason: "a 'timeout' listener must decide what ends the socket; call `.destroy()` (or `.end()`) in it" });
  }
  if (!owned) {
    const inNodeStyleCallbacks = errorPathSkipsRelease(usage, owner);
    const inReadyListener = inNodeStyleCallbacks ? undefined : readyListenerSkipsRelease(usage, owner);
    const unreleasedPaths = inNodeStyleCallbacks ?? inReadyListener ?? ownerPathSkipsCallbackRelease(usage, owner, { acquisition, scope: declaringScope(binding.variable.defs[0]?.node) ?? owner.body, openAtEntry, presence });
    if (unreleasedPaths) {
      const releaser = releaserCalls?.[0];
      const releaseCall =
        releaser?.type === AST_NODE_TYPES.CallExpression && releaser.callee.type === AST_NODE_TYPES.Identifier
          ? `${releaser.callee.name}()`
          : (syncReleaseCall(binding.variable.name, entry) ??
            releaseWrittenElsewhere(
              analysis,
              usage.handOffs.map((handOff) => handOff.node),
              unreleasedPaths.map((leak) => leak.node),
            ));
      return report(
        'notReleasedOnEveryPath',
        { line: String(exitLine(firstLeak(unreleasedPaths))) },
        inReadyListener
          ? { kind: 'refusal', reason: 'it is released in the listener of its own ready event on some paths only; release it in a `finally` around that listener\'s work' }
          : (planReleaseBeforeReturns(analysis, unreleasedPaths, releaseCall, owner, usage.handOffs.map((handOff) => handOff.node)) ?? {
              kind: 'refusal',
              reason: 'it is released in a Node-style callback on some paths only; release it before every `return` of that callback, or rewrite it with `await` and `finally`',
            }),
      );
    }
    const rejecting = rejectionSkipsRelease(usage, owner);
    if (rejecting) {
      return report(
        'releasedOnlyOnSuccess',
        { thrower: describeThrower(analysis, rejecting), line: String(lineOf(rejecting)) },
        planReleaseInChainFinally(analysis, usage.handOffs.map((handOff) => handOff.node), binding.declarator?.parent, owner) ??
          refusal ?? { kind: 'refusal', reason: 'it is released in a promise callback that runs only on success; release it in a `.finally()` of the chain, or rewrite it with `await` and `finally`' },
      );
    }
    if (isDisposableOnly(entry)) return undefined;
    const skipped = releaseSkippedByErrorExit(usage.handOffs, owner);
    if (skipped) {
      return report(
        'notReleasedOnEveryPath',
        { line: String(lineOf(skipped)) },
        refusal ?? { kind: 'refusal', reason: 'it is released only in callbacks, and a Node-style callback on the way leaves on its error first: release it in that branch too (before its `return`)' },
      );
    }
    traceSilence(REQUIRE_CLOSE, acquisition, `handed-over:${[...new Set(usage.handOffs.map((handOff) => handOff.reason))].join('+')}`);
    const thrower = throwBeforeHandOff(analysis, owner, acquisition, binding, usage, entry);
    if (!thrower) {
      const piped = pipedIntoPeer(analysis, usage);
      if (!piped) {
        const source = unwatchedPipeSource(usage);
        return source
          ? report(
              'pipedFromUnwatchedSource',
              { source: describeThrower(analysis, source) },
              refusal ??
                planDestroyOnSourceError(analysis, { source, handle: binding.variable.name, entry, declaration: binding.kind === 'variable' && binding.declarator ? binding.declarator.parent : undefined, owner }),
            )
          : undefined;
      }
      const declaration = binding.kind === 'variable' && binding.declarator ? binding.declarator.parent : undefined;
      return report(
        'pipedIntoPeer',
        { peer: piped.peer.name },
        refusal ?? planDestroyOnPeerClose(analysis, { pipe: piped.pipe, peer: piped.peer.name, handle: binding.variable.name, entry, declaration, owner }),
      );
    }
    return report(
      'handedOverOnlyOnSuccess',
      {
        thrower: describeThrower(analysis, thrower.leak.node),
        line: String(lineOf(thrower.leak.node)),
        handOff: describeThrower(analysis, thrower.handOff),
        handOffLine: String(lineOf(thrower.handOff)),
      },
      refusal ?? planReleaseOnError(analysis, { acquisition, binding, owner, entry, usage }),
    );
  }
  const remedy = (): Remedy<WrapInTryFinallyPlan> =>
    refusal ??
    (besideListeners && releasedInOtherListeners(used)
      ? { kind: 'refusal', reason: 'it is also released in a listener registered on another object; release it in a `finally` around its uses, and keep the listener only if the handle must end before the function does' }
      : inChainFinally
        ? { kind: 'refusal', reason: 'it is released in a `.finally()` of a promise chain that some paths never reach; wrap everything from the acquisition in `try`/`finally` and drop the chain\'s release, or start the chain right after the acquisition' }
        : planTryFinally(analysis, { acquisition, binding, owner, entry, usage }));
  if (usage.releases.length === 0) return report('neverReleased', {}, remedy());

  const names = new Set(usage.variables.map((variable) => variable.name));
  const scope = declaringScope(binding.variable.defs[0]?.node) ?? owner.body;
  // Wiring a listener onto the handle (`browser.on('disconnected', …)`) is no way out of the function,
  // and a client whose own `connect()` fails has nothing open to release (pg, kafkajs and mongodb
  // tear the attempt down themselves): `await producer.connect()` before the `try` is the usual shape.
  const quietMethods = new Set([...(entry.quietMethods ?? []), ...LISTENER_REGISTRATIONS, 'connect']);
  const quietCalls = borrowerQuietCalls(usage.borrowers, analysis);
  const ended = besideListeners ? endedFlags(used, owner, analysis.scopeManager) : undefined;
  const opened = openedAt(acquisition, entry, usage.variables);
  const leaks = findLeakPaths(owner, { acquisition: opened, scope, releases: new Set(usage.releases), names, quietMethods, quietCalls, quietByContract: quietByContract(analysis), openAtEntry, presence, endedFlags: ended }).filter(
    (leak) => throwsLeak || leak.kind !== 'throw',
  );
  if (leaks.length === 0) {
    traceSilence(REQUIRE_CLOSE, acquisition, 'released-on-every-path');
    return undefined;
  }
  // A loan is a borrow only if the function releases the handle on every normal way out; a path that
  // ends without a release may have handed it over for good (`register(fh)` on success).
  if (usage.lentOnly && leaks.some((leak) => leak.kind !== 'throw')) {
    traceSilence(REQUIRE_CLOSE, acquisition, 'lent-only');
    return undefined;
  }
  const earlyExit = leaks.find((leak) => leak.kind !== 'throw');
  if (earlyExit) return report('notReleasedOnEveryPath', { line: String(exitLine(earlyExit)) }, remedy());
  // Its idle connections close themselves within seconds (ClickHouse's client): a close skipped by a throw leaves nothing open.
  if (entry.closesIdleConnections) {
    traceSilence(REQUIRE_CLOSE, acquisition, 'closes-idle-connections');
    return undefined;
  }
  const thrower = firstLeak(leaks);
  return report('releasedOnlyOnSuccess', { thrower: describeThrower(analysis, thrower.node), line: String(lineOf(thrower.node)) }, remedy());
}

/**
 * Some listener the function registers on another object releases the handle too (yuan's abort
 * subscription): a `finally` would release it a second time. Listeners on the handle's own end
 * (`browser.on('disconnected', …)`) release nothing, and leave the plain `try`/`finally`.
 */
function releasedInOtherListeners(usage: HandleUsage): boolean {
  return usage.handOffs.some((handOff) => handOff.reason === 'released in a callback' && !handOff.settles);
}

/** Adds the releaser's calls: in the owner they release it; in a callback they release it there. */
function withReleaserCalls(usage: HandleUsage, calls: readonly Node[] | undefined, owner: FunctionNode): HandleUsage {
  if (!calls || calls.length === 0) return usage;
  const inOwner = calls.filter((call) => enclosingFunction(call) === owner);
  const inCallbacks = calls.filter((call) => enclosingFunction(call) !== owner);
  return {
    ...usage,
    releases: [...usage.releases, ...inOwner],
    releasesAlongHandOffs: [...usage.releasesAlongHandOffs, ...inOwner],
    handOffs: [...usage.handOffs, ...inCallbacks.map((node) => ({ node, reason: 'released in a callback' as const, inOwner: false, settles: false }))],
    escape: usage.escape ?? (inCallbacks[0] ? { node: inCallbacks[0], reason: 'released in a callback' as const } : undefined),
  };
}

/**
 * Released only in `onFulfilled` callbacks of promises (and nothing else lets it leave): the promise
 * that can reject and skip them, e.g. `connection.query(sql)` in `connection.query(sql).then(() =>
 * connection.release())`.
 */
function rejectionSkipsRelease(usage: HandleUsage, owner: FunctionNode): Node | undefined {
  const handOffs = usage.handOffs.filter((handOff) => !handOff.settles);
  if (handOffs.length === 0 || usage.releasesAlongHandOffs.length > 0) return undefined;
  if (handOffs.some((handOff) => handOff.reason !== 'released in a callback')) return undefined;
  return successOnlyContinuation(
    handOffs.map((handOff) => handOff.node),
    owner,
  );
}

/**
 * `stream.pipe(res)` into a handler's response, socket or call, with nothing that destroys the stream
 * when that peer closes early: no `pipeline()`/`finished()` (owners), no release in a callback
 * (`res.on('close', () => stream.destroy())`), no release in the function.
 */
function pipedIntoPeer(analysis: Analysis, usage: HandleUsage): { peer: TSESTree.Identifier; pipe: Node } | undefined {
  const handOffs = usage.handOffs;
  if (usage.releasesAlongHandOffs.length > 0) return undefined;
  if (handOffs.some((handOff) => handOff.reason !== 'piped' && handOff.reason !== 'handed to its listeners')) return undefined;
  for (const handOff of handOffs) {
    if (handOff.reason !== 'piped') continue;
    const destination = pipeDestination(handOff.node);
    const peer = destination && connectionPeer(destination, analysis.scopeManager, analysis.oracle);
    if (peer && destination.parent) return { peer, pipe: destination.parent };
  }
  return undefined;
}

/**
 * `source.pipe(handle)` and nothing else ends it: `.pipe()` ends its destination when the source ends,
 * but not when the source fails or is aborted (a dropped download), so the handle — and whoever was
 * given it to read from — waits forever. Handing it out (returned, resolved) does not help: the
 * receiver sees only the destination, which never errors. Passing it to an owner (`pipeline()`,
 * `finished()`), storing it, or releasing it anywhere (a source's 'error' listener) does.
 */
function unwatchedPipeSource(usage: HandleUsage): Node | undefined {
  if (usage.releases.length > 0 || usage.releasesAlongHandOffs.length > 0) return undefined;
  if (usage.handOffs.some((handOff) => handOff.reason === 'passed to an owner' || handOff.reason === 'stored' || handOff.reason === 'released in a callback' || handOff.reason === 'reassigned')) {
    return undefined;
  }
  for (const handOff of usage.handOffs) {
    if (handOff.reason !== 'piped into') continue;
    const value = outermostWrapper(handOff.node);
    const call = value.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression && call.arguments[0] === value) return call.callee.object;
  }
  return undefined;
}

/**
 * Released only inside Node-style callbacks (`connection.query(sql, (err, rows) => { if (err) return
 * done(err); connection.release(); … })`): the first path through one of them that returns or ends
 * without the release. A throw there is an uncaught exception, not a path this rule follows.
 */
function errorPathSkipsRelease(usage: HandleUsage, owner: FunctionNode): readonly LeakPath[] | undefined {
  const handOffs = usage.handOffs.filter((handOff) => !handOff.settles);
  if (handOffs.length === 0 || usage.releasesAlongHandOffs.length > 0) return undefined;
  if (handOffs.some((handOff) => handOff.reason !== 'released in a callback')) return undefined;
  const releases = handOffs.map((handOff) => handOff.node);
  const names = new Set(usage.variables.map((variable) => variable.name));
  const callbacks = errorFirstReleaseCallbacks(releases, owner, names);
  if (!callbacks) return undefined;
  for (const callback of callbacks) {
    const leaks = findLeakPaths(callback, { acquisition: callback, scope: callback.body, releases: new Set(releases), names, openAtEntry: true });
    const skipped = leaks.filter((leak) => leak.kind !== 'throw');
    if (skipped.length > 0) return skipped;
  }
  return undefined;
}

/**
 * `client.on('ready', async () => { if (op === 'info') { …; client.quit(); } else { … } })`: released
 * only inside the listener of its own ready event, where the work on it runs, and that listener has a
 * way out that leaves it open (n8n's Redis node quit the client for one operation out of five).
 * Nothing else may take it: its other listeners only settle or watch.
 */
function readyListenerSkipsRelease(usage: HandleUsage, owner: FunctionNode): readonly LeakPath[] | undefined {
  const handOffs = usage.handOffs.filter((handOff) => !handOff.settles && !handOff.borrowed);
  if (usage.releasesAlongHandOffs.length > 0 || handOffs.some((handOff) => handOff.reason !== 'released in a callback' && handOff.reason !== 'handed to its listeners')) return undefined;
  const releases = handOffs.filter((handOff) => handOff.reason === 'released in a callback').map((handOff) => handOff.node);
  if (releases.length === 0) return undefined;
  const names = new Set(usage.variables.map((variable) => variable.name));
  const listener = readyListenerHoldingReleases(releases, owner, names);
  if (!listener) return undefined;
  const leaks = findLeakPaths(listener, { acquisition: listener, scope: listener.body, releases: new Set(releases), names, openAtEntry: true }).filter((leak) => leak.kind !== 'throw');
  return leaks.length > 0 ? leaks : undefined;
}

/**
 * Released in the callbacks of its own operations (`connection.query(sql, (err, rows) => {
 * connection.release(); … })`), each of which releases it on every way out, and maybe by the function
 * itself: the function's own paths must then each reach a release or one of those operations. A
 * `return` before them — an id that fails validation, a cache hit — leaves the connection checked
 * out for good (a pool of 20 drained by 20 bad requests).
 * Throws are not walked: in callback-style code they are uncaught errors, not a leak of this handle.
 */
function ownerPathSkipsCallbackRelease(
  usage: HandleUsage,
  owner: FunctionNode,
  sites: Pick<ReleaseSites, 'acquisition' | 'scope' | 'openAtEntry' | 'presence'>,
): readonly LeakPath[] | undefined {
  const allHandOffs = usage.handOffs.filter((handOff) => !handOff.settles);
  // A helper of this file that only reads it (`getClientById(connection, id, cb)`) gives it back.
  const handOffs = allHandOffs.filter((handOff) => !handOff.borrowed);
  if (handOffs.length === 0 || handOffs.some((handOff) => handOff.reason !== 'released in a callback')) return undefined;
  const inCallbacks = handOffs.map((handOff) => handOff.node);
  const names = new Set(usage.variables.map((variable) => variable.name));
  if (!errorFirstReleaseCallbacks(inCallbacks, owner, names)) return undefined;
  // The function's own releases (`if (err) return databaseError(…, connection)`) count as well.
  const releases = new Set([...usage.releasesAlongHandOffs, ...inCallbacks]);
  const leaks = findLeakPaths(owner, { ...sites, releases, names }).filter((leak) => leak.kind === 'return');
  return leaks.length > 0 ? leaks : undefined;
}

/**
 * `fs.releaseDescriptor(fd)`: the release the code already writes in its callbacks, when every one
 * reads alike, is synchronous (no `await`), takes no callback and names only what each leaking
 * `return` sees too.
 */
function releaseWrittenElsewhere(analysis: Analysis, releases: readonly Node[], exits: readonly Node[]): string | undefined {
  const calls = releases.filter((release): release is TSESTree.CallExpression => release.type === AST_NODE_TYPES.CallExpression);
  if (calls.length === 0 || calls.length !== releases.length || calls.some((call) => outermostWrapper(call).parent?.type === AST_NODE_TYPES.AwaitExpression)) return undefined;
  const texts = new Set(calls.map((call) => analysis.sourceText.slice(call.range[0], call.range[1])));
  if (texts.size !== 1) return undefined;
  const [call] = calls;
  // Only plain values as arguments: a release that takes a callback (`fs.close(fd, () => done(…))`)
  // carries the success path's continuation, which must not run on the failure path too.
  const plain = (argument: Node) => argument.type === AST_NODE_TYPES.Identifier || argument.type === AST_NODE_TYPES.Literal || argument.type === AST_NODE_TYPES.MemberExpression;
  if (!call.arguments.every(plain)) return undefined;
  let visible = true;
  walk(call, (node) => {
    if (node.type !== AST_NODE_TYPES.Identifier || (node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.property === node && !node.parent.computed)) return;
    const definition = findVariable(analysis.scopeManager, node)?.defs[0];
    if (!definition) return;
    // Declared by the callback that releases (a parameter, a local): not there at the `return`s.
    const scope = definition.type === 'Parameter' ? (definition.node) : enclosingFunction(definition.node);
    const releasingCallback = enclosingFunction(call);
    if (scope === releasingCallback && exits.some((exit) => !isInside(exit, releasingCallback!))) visible = false;
  });
  return visible ? [...texts][0] : undefined;
}

/** `connection.release()`: the entry's first release method, when it is synchronous (callback code awaits nothing). */
function syncReleaseCall(name: string, entry: ResourceEntry): string | undefined {
  const release = entry.releases[0];
  return release && 'method' in release && !release.async && !release.method.startsWith('[') ? `${name}.${release.method}()` : undefined;
}

/**
 * A type that is a handle only because it is Disposable (a Kysely transaction, a query builder view):
 * handing it over is how it is meant to be used, and what it holds is often someone else's.
 */
function isDisposableOnly(entry: ResourceEntry): boolean {
  const first = entry.releases[0];
  return first !== undefined && 'method' in first && first.method.startsWith('[Symbol.');
}

/**
 * A value known only by the function's own `destroy()` (not in the registry, not Disposable): the
 * name ends in-memory objects — a Yjs document, a feature-flag evaluator, a hash's key material — as
 * often as handles. Judged on the paths the code takes (a `return` that skips it), not on exceptions:
 * a throw that drops such an object leaves it to the garbage collector (hocuspocus' scratch `Y.Doc`
 * before `new Awareness(doc)`; growthbook's in-memory `GrowthBook` evaluator). `dispose()` is not
 * read so: it mostly ends subscriptions on longer-lived emitters (puppeteer's `LifecycleWatcher`) or
 * memory the collector does not see (QuickJS handles in WebAssembly), which a throw does leak.
 */
function endsOnlyByTeardownName(handle: ResourceEntry): boolean {
  return handle.releases.length > 0 && handle.releases.every((release) => 'method' in release && release.method === 'destroy');
}

/**
 * `const session = new Session(await pool.connect())`: the wrapper object owns the handle in a field,
 * and `session.client.release()` releases it. Judged like a variable holding the handle, once the
 * function releases it somewhere (a wrapper with its own release method is beyond this view).
 */
function judgeWrapped(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  wrapper: WrapperHolding,
  owner: FunctionNode,
  entry: ResourceEntry,
): RequireCloseFinding | undefined {
  const usage = analyzeHandleUsage(wrapper.variable, wrapper.declarator.id, owner, entry, analysis, options, wrapper.field);
  const owned = !usage.escape || (usage.lentOnly && usage.releases.length > 0);
  if (!owned || usage.releases.length === 0) return undefined;
  const names = new Set(usage.variables.map((variable) => variable.name));
  const scope = declaringScope(wrapper.declarator) ?? owner.body;
  const leaks = findLeakPaths(owner, {
    acquisition,
    scope,
    releases: new Set(usage.releases),
    names,
    quietMethods: new Set(entry.quietMethods ?? []),
    quietByContract: quietByContract(analysis),
    presence: wrapper.presence,
  });
  if (leaks.length === 0) return undefined;
  if (usage.lentOnly && leaks.some((leak) => leak.kind !== 'throw')) return undefined;
  const wrapperName = wrapper.variable.name;
  const remedy: Remedy<WrapInTryFinallyPlan> = planMoveIntoTry(analysis, wrapper.declarator.parent, usage.releases, owner) ?? {
    kind: 'refusal',
    reason: `it is kept in \`${wrapperName}.${wrapper.field}\`; move the statements after \`${wrapperName}\` is created into the \`try\` whose \`finally\` releases it`,
  };
  const data = { resource: entry.description, release: releaseName(entry) };
  const earlyExit = leaks.find((leak) => leak.kind !== 'throw');
  const base = { ruleId: REQUIRE_CLOSE, node: acquisition, remedy } as const;
  if (earlyExit) return { ...base, messageId: 'notReleasedOnEveryPath', data: { ...data, line: String(exitLine(earlyExit)) } };
  const thrower = firstLeak(leaks);
  return { ...base, messageId: 'releasedOnlyOnSuccess', data: { ...data, thrower: describeThrower(analysis, thrower.node), line: String(lineOf(thrower.node)) } };
}

/**
 * A handle that is handed over (returned, stored, passed on, piped into) is this function's until the
 * hand-off runs: every throwing point between the acquisition and the hand-off must release it. The
 * hand-offs and releases are the ends of ownership; a throw that leaves with the handle still open
 * is the finding (api-scoring's writer: the download request fails before `body.pipe(writer)`).
 * Only hand-offs in the function itself: one in a callback happens at a time we cannot place.
 */
function throwBeforeHandOff(
  analysis: Analysis,
  owner: FunctionNode,
  acquisition: Node,
  binding: Extract<ReturnType<typeof bindingOf>, { kind: 'variable' }>,
  usage: HandleUsage,
  entry: ResourceEntry,
): { leak: LeakPath; handOff: Node } | undefined {
  // A helper that only borrows it (`await this.handshake(worker)`) gives it back: the worker is still
  // this function's while the helper runs, and a throw out of it leaves it open.
  // An awaited call that is given it and followed by a later hand-off or release of the same handle
  // in the same block only borrowed it while the function waited: ownership cannot go twice (`await this.handshake(worker);
  // this.broker.register(address, worker)` — actor-ts's worker was still the caller's while the
  // handshake could time out).
  const transfers: ReadonlySet<string> = new Set(['passed to a function', 'passed to an owner', 'stored', 'returned']);
  const laterEnds = [...usage.handOffs.filter((handOff) => handOff.inOwner && transfers.has(handOff.reason)).map((handOff) => handOff.node), ...usage.releases];
  const lentBeforeAnotherEnd = (handOff: (typeof usage.handOffs)[number]) =>
    handOff.reason === 'passed to a function' && isAwaitedArgument(handOff.node) && laterEnds.some((end) => end !== handOff.node && followsInSameBlock(handOff.node, end));
  const handOffs = usage.handOffs
    .filter((handOff) => !handOff.settles && !handOff.borrowed && !lentBeforeAnotherEnd(handOff) && !releasedAlongWith(handOff, usage.handOffs, analysis.scopeManager))
    .map((handOff) => returnedReleaser(handOff, owner, analysis.scopeManager) ?? handOff);
  if (handOffs.length === 0) return undefined;
  const names = new Set(usage.variables.map((variable) => variable.name));
  // `page.on('error', () => this.closePage(page))`: a release in the handle's own listener covers that
  // event only; the awaited work before the hand-off can still throw past it.
  if (handOffs.some((handOff) => (!handOff.inOwner && !releasedInOwnListener(handOff, names)) || handOff.reason === 'reassigned')) return undefined;
  // A hand-off in a `finally` (to a helper that destroys the stream) runs on the error paths too: it
  // is not a success-only hand-off, whatever else the `finally` does first.
  if (handOffs.some((handOff) => isInFinally(handOff.node, owner))) return undefined;
  // A listener for the handle's own failure or end (`page.on('error', …)`) only watches it: the handle
  // is still this function's until it really moves (`return page`).
  // Only where ownership does move somewhere: a function that wires such a listener and releases the
  // handle itself (`client.on('error', log)` … `finally { await client.end() }`) is judged as before.
  const moves = handOffs.some((handOff) => handOff.inOwner && handOff.reason !== 'handed to its listeners');
  const ends = new Set<Node>([...handOffs.filter((handOff) => handOff.inOwner && !(moves && watchesItsEnd(handOff))).map((handOff) => handOff.node), ...usage.releasesAlongHandOffs]);
  const scope = declaringScope(binding.variable.defs[0]?.node) ?? owner.body;
  // Opening the other streams of a pipeline (`zlib.createGzip()`) fails only on bad arguments.
  const quietCalls = new Set(
    nodeIndexOf(analysis.ast).acquisitionCandidates.filter(
      (candidate) => candidate.type !== AST_NODE_TYPES.AwaitExpression && candidate !== acquisition && isInside(candidate, owner) && analysis.oracle.acquisition(candidate) !== undefined,
    ),
  );
  // A client whose own `connect()` fails has nothing open to release (see judgeBinding).
  const leaks = findLeakPaths(owner, { acquisition, scope, releases: ends, names, quietMethods: new Set([...(entry.quietMethods ?? []), 'connect']), quietCalls, quietByContract: quietByContract(analysis), ownCallsQuiet: true });
  const thrown = leaks.filter((leak) => leak.kind === 'throw');
  if (thrown.length === 0) return undefined;
  const leak = firstLeak(thrown);
  // The message names where ownership really moves (`return page`), not a listener wired on the way.
  const owned = handOffs.filter((candidate) => candidate.inOwner && candidate.reason !== 'handed to its listeners');
  const handOff = owned.find((candidate) => candidate.node.range[0] > leak.node.range[0]) ?? owned[0] ?? handOffs[0];
  return { leak, handOff: statementOf(handOff.node) };
}

/** Events that report a handle's failure or end; their listeners watch it, they do not consume it. */
const END_EVENTS: ReadonlySet<string> = new Set(['error', 'close', 'end', 'finish', 'exit', 'disconnect', 'disconnected']);

/** `page.on('error', …)`: a hand-off to the handle's listeners that only watch for its failure or end. */
function watchesItsEnd(handOff: HandOff): boolean {
  if (handOff.reason !== 'handed to its listeners') return false;
  const registration = outermostWrapper(handOff.node).parent?.parent;
  const event = registration?.type === AST_NODE_TYPES.CallExpression ? registration.arguments[0] : undefined;
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && END_EVENTS.has(event.value);
}

/** A release (`released in a callback`) inside a listener registered on the handle itself (`page.on('error', …)`). */
function releasedInOwnListener(handOff: HandOff, names: ReadonlySet<string>): boolean {
  if (handOff.reason !== 'released in a callback') return false;
  for (let fn = enclosingFunction(handOff.node); fn; fn = enclosingFunction(fn)) {
    const registration = fn.parent;
    if (registration?.type !== AST_NODE_TYPES.CallExpression || !registration.arguments.includes(fn as TSESTree.CallExpressionArgument)) continue;
    const callee = unwrapExpression(registration.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = staticPropertyName(callee);
    const receiver = unwrapExpression(callee.object);
    if (method !== undefined && LISTENER_REGISTRATIONS.includes(method) && receiver.type === AST_NODE_TYPES.Identifier && names.has(receiver.name)) return true;
  }
  return false;
}

/**
 * `return { conn, done: () => conn.release() }`: the closure that releases it leaves in the same
 * object as the handle, so it is part of that hand-off (the caller calls it), not a release of its own
 * that happens at some other time.
 */
function releasedAlongWith(handOff: HandOff, handOffs: readonly HandOff[], scopeManager: Analysis['scopeManager']): boolean {
  if (handOff.reason !== 'released in a callback') return false;
  const closure = enclosingFunction(handOff.node);
  return (closure ? closureValues(closure, scopeManager) : []).some((value) => {
    const property = value.parent;
    const literal = property?.type === AST_NODE_TYPES.Property && property.value === value ? property.parent : undefined;
    return literal?.type === AST_NODE_TYPES.ObjectExpression && handOffs.some((other) => other.inOwner && other.reason === 'stored' && isInside(other.node, literal));
  });
}

/**
 * `return { lockPath, release: async () => { await handle.close(); } }`: the closure that releases the
 * handle is what the function hands back, so the handle moves to the caller at that `return`, and
 * work before it that throws leaves the handle open with no closure anyone can call (openclaw's
 * gateway lock). The hand-off is the returned value, in the owner itself.
 */
function returnedReleaser(handOff: HandOff, owner: FunctionNode, scopeManager: Analysis['scopeManager']): HandOff | undefined {
  if (handOff.reason !== 'released in a callback' || handOff.inOwner) return undefined;
  const closure = enclosingFunction(handOff.node);
  if (!closure || enclosingFunction(closure) !== owner) return undefined;
  for (const value of closureValues(closure, scopeManager)) {
    let current: Node = outermostWrapper(value);
    while (
      (current.parent?.type === AST_NODE_TYPES.Property && current.parent.value === current) ||
      current.parent?.type === AST_NODE_TYPES.ObjectExpression ||
      current.parent?.type === AST_NODE_TYPES.ArrayExpression
    ) {
      current = outermostWrapper(current.parent);
    }
    const statement = current.parent;
    if (statement?.type === AST_NODE_TYPES.ReturnStatement && statement.argument === current && enclosingFunction(statement) === owner) {
      return { node: statement, reason: 'returned', inOwner: true, settles: false };
    }
  }
  return undefined;
}

/** Where a closure goes as a value: itself, or each read of the `const done = () => …` or `function done()` naming it. */
function closureValues(closure: FunctionNode, scopeManager: Analysis['scopeManager']): Node[] {
  const holder = closure.type === AST_NODE_TYPES.FunctionDeclaration ? closure : closure.parent?.type === AST_NODE_TYPES.VariableDeclarator ? closure.parent : undefined;
  const name = holder?.type === AST_NODE_TYPES.FunctionDeclaration ? holder.id?.name : holder?.id.type === AST_NODE_TYPES.Identifier ? holder.id.name : undefined;
  const variable = holder && name !== undefined ? scopeManager.getDeclaredVariables(holder).find((candidate) => candidate.name === name) : undefined;
  const reads = variable ? variable.references.filter((reference) => !reference.init).map((reference) => outermostWrapper(reference.identifier)) : [];
  return [closure, ...reads];
}

/** `await f(handle)`: the handle is an argument of a call the function waits for. */
function isAwaitedArgument(reference: Node): boolean {
  const call = outermostWrapper(reference).parent;
  return call?.type === AST_NODE_TYPES.CallExpression && (call.arguments as readonly Node[]).includes(outermostWrapper(reference)) && outermostWrapper(call).parent?.type === AST_NODE_TYPES.AwaitExpression;
}

/** Whether `later` is inside a statement that comes after the one holding `earlier`, in the same statement list. */
function followsInSameBlock(earlier: Node, later: Node): boolean {
  for (let child: Node = earlier, parent = earlier.parent; parent; child = parent, parent = parent.parent) {
    if (isFunction(parent)) return false;
    if (parent.type !== AST_NODE_TYPES.BlockStatement && parent.type !== AST_NODE_TYPES.Program) continue;
    const list: readonly Node[] = parent.body;
    return list.slice(list.indexOf(child) + 1).some((statement) => isInside(later, statement));
  }
  return false;
}

function isInFinally(node: Node, owner: FunctionNode): boolean {
  for (let child = node, parent = node.parent; parent && child !== owner; child = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === child) return true;
  }
  return false;
}

/** The expression statement, return or declaration a hand-off happens in: what the message quotes. */
function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && !current.parent.type.endsWith('Statement') && current.parent.type !== AST_NODE_TYPES.VariableDeclaration) current = current.parent;
  const statement = current.parent ?? current;
  if (statement.type === AST_NODE_TYPES.ExpressionStatement) return statement.expression;
  if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) return statement.argument;
  return current;
}

/**
 * `createInterface({ input: createReadStream(p) })`: the stream is not kept anywhere, and the interface
 * only borrows it. It closes itself when a `for await` over the interface reads it to the end; a
 * `break` or `return` out of that loop, or no such loop at all, leaves it open.
 */
function judgeInlineOption(
  analysis: Analysis,
  options: RequireCloseOptions,
  acquisition: Node,
  option: TSESTree.Property,
  owner: FunctionNode,
  entry: ResourceEntry,
): RequireCloseFinding | undefined {
  const borrower = borrowerOf(option, analysis.oracle);
  const borrowerEntry = borrower && analysis.oracle.acquisition(borrower.holder);
  if (!borrower?.declarator || borrower.declarator.id.type !== AST_NODE_TYPES.Identifier || !borrowerEntry) return undefined;
  const variable = analysis.scopeManager.getDeclaredVariables(borrower.declarator)[0];
  if (!variable) return undefined;
  // Returned, stored or wired to listeners: the interface, and its input with it, live on elsewhere.
  const usage = analyzeHandleUsage(variable, borrower.declarator.id, owner, borrowerEntry, analysis, options);
  if (usage.escape) return undefined;
  const loops = drainingLoops(usage.variables);
  if (isDrained(loops)) return undefined;
  // An interface that is itself not closed on every path has its own finding, which names the inline input.
  if (borrowerEntry.kind === 'handle') {
    if (usage.releases.length === 0) return undefined;
    const names = new Set(usage.variables.map((borrowerVariable) => borrowerVariable.name));
    const scope = declaringScope(borrower.declarator) ?? owner.body;
    const leaks = findLeakPaths(owner, {
      acquisition: borrower.holder,
      scope,
      releases: new Set(usage.releases),
      names,
      quietMethods: new Set(borrowerEntry.quietMethods ?? []),
      quietByContract: quietByContract(analysis),
    });
    if (leaks.length > 0) return undefined;
  }
  const data = { resource: entry.description, release: releaseName(entry) };
  const remedy = planHoistedOption(analysis, { property: option, entry, borrower: borrower.declarator, borrowerReleases: usage.releases, owner });
  const exit = loops.find((loop) => loop.earlyExit)?.earlyExit;
  return exit
    ? { ruleId: REQUIRE_CLOSE, messageId: 'notReleasedOnEveryPath', node: acquisition, data: { ...data, line: String(lineOf(exit)) }, remedy }
    : { ruleId: REQUIRE_CLOSE, messageId: 'neverReleased', node: acquisition, data, remedy };
}

/** The statement whose end drops a variable declared by `declarator`: its block, or the switch of its case. */
function declaringScope(declarator: Node | undefined): Node | undefined {
  const declaration = declarator?.parent;
  // `var` lives as long as the function.
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind === 'var') return undefined;
  const container = declaration.parent;
  if (!container) return undefined;
  if (container.type === AST_NODE_TYPES.SwitchCase) return container.parent;
  if (container.type === AST_NODE_TYPES.BlockStatement) return container;
  return undefined;
}

function exitLine(leak: LeakPath): number {
  return leak.kind === 'end' ? leak.node.loc.end.line : lineOf(leak.node);
}

function firstLeak(leaks: readonly LeakPath[]): LeakPath {
  return [...leaks].sort((a, b) => a.node.range[0] - b.node.range[0])[0];
}

const MAX_THROWER_TEXT = 40;

function describeThrower(analysis: Analysis, node: Node): string {
  if (node.type === AST_NODE_TYPES.ThrowStatement) return 'throw';
  const text = analysis.sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, ' ');
  if (text.length <= MAX_THROWER_TEXT) return text;
  // `return { lockPath, release: async () => … }`: what leaves is an object, its text is no help.
  if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument?.type === AST_NODE_TYPES.ObjectExpression) return 'return { … }';
  // `await connection.query()` reads better than a truncated argument list.
  const awaited = node.type === AST_NODE_TYPES.AwaitExpression;
  const call = awaited ? (node).argument : node;
  if (call.type === AST_NODE_TYPES.CallExpression || call.type === AST_NODE_TYPES.NewExpression) {
    const callee = analysis.sourceText.slice(call.callee.range[0], call.callee.range[1]).replace(/\s+/g, ' ');
    const shortened = `${awaited ? 'await ' : ''}${call.type === AST_NODE_TYPES.NewExpression ? 'new ' : ''}${callee}()`;
    if (shortened.length <= MAX_THROWER_TEXT * 2) return shortened;
  }
  return `${text.slice(0, MAX_THROWER_TEXT - 1)}…`;
}

export type { HandleUsage };

/** The messages of its findings and of its two suggestions; the codemod's report renders the same text. */
const requireCloseMessages = {
  neverReleased:
    'This {{resource}} is never released: call `{{release}}` in a `finally` block, or hand it to an owner.',
  releasedOnlyOnSuccess:
    'This {{resource}} is released only on the success path: `{{thrower}}` on line {{line}} can throw first. Release it in a `finally` block.',
  notReleasedOnEveryPath:
    'This {{resource}} is not released on the path through line {{line}}. Release it in a `finally` block (in a Node-style callback: before that `return`).',
  timeoutWithoutRelease:
    "This {{resource}} is not released by its 'timeout' listener on line {{line}}: a timeout only reports that the connection is idle and leaves it open. Call `{{release}}` in the listener.",
  replacedOnRerun:
    'This {{resource}} is kept in `{{slot}}` by `{{method}}`, which the class runs again itself (`{{rerun}}` on line {{line}}): each run replaces it without releasing the previous one, so one that failed or never ended stays open. Call `{{release}}` on the previous one before the slot is filled again.',
  notReleasedByTeardown:
    'This {{resource}} is kept in `{{field}}`, but `{{teardown}}`, which ends the instance, never releases it, and nothing else does: every instance torn down leaves it open. Call `{{release}}` on it in `{{teardown}}`.',
  droppedOnError:
    'This {{resource}} is kept in `{{slot}}`, and the error handler on line {{line}} empties `{{slot}}` without releasing it: the {{resource}} stays open with nothing left to close it. Call `{{release}}` on it before the slot is emptied.',
  settledWithoutRelease:
    'This {{resource}} lives until the promise around it settles, but `{{settle}}` on line {{line}} settles it and leaves it open. Call `{{release}}` on every way the promise settles (timeouts, errors and rejections too).',
  pipedIntoPeer:
    'This {{resource}} is piped into `{{peer}}`, but `.pipe()` does not destroy it when `{{peer}}` closes early (the client went away). Use `pipeline()`, or destroy it on `{{peer}}`\'s \'close\'.',
  pipedFromUnwatchedSource:
    "This {{resource}} is piped into from `{{source}}`, and nothing else ends it: `.pipe()` ends it when `{{source}}` ends, but not when `{{source}}` fails or is aborted, and then it stays open and whoever reads it waits forever. Use `stream.pipeline()`, or destroy it in `{{source}}`'s 'error' listener.",
  pipedIntoFailingDestination:
    "This {{resource}} is piped into `{{destination}}`, whose 'error' listener on line {{line}} leaves it open: `.pipe()` stops reading from its source when the destination fails, but does not close it. Destroy it in that listener, or use `stream.pipeline()`.",
  handedOverOnlyOnSuccess:
    'This {{resource}} is handed over only on success (`{{handOff}}` on line {{handOffLine}}): `{{thrower}}` on line {{line}} can throw first and leave it open. Release it in a `catch` when that fails.',
  wrapInTryFinally: 'Release it in a `finally` block that covers every use.',
  destroyOnPeerClose: 'Destroy it when the peer closes.',
  destroyOnSourceError: "Destroy it in the source's 'error' listener.",
  releaseOnError: 'Release it in a `catch` that rethrows, around its uses before the hand-off.',
  releaseBeforeSettle: 'Release it before each settle call that leaves it open.',
  releaseBeforeReturn: 'Release it before each `return` that leaves it open.',
  releaseBeforeDrop: 'Release it before the error handler empties its slot.',
  releaseBeforeReplace: 'Release the previous one before the slot is filled again.',
  releaseAtCallbackEnd: 'Release it at the end of the callback, where control runs out with it open.',
  releaseInTeardown: 'Release it at the end of the method that ends the instance.',
  releaseBeforeReturnAndAtEnd: 'Release it before each `return` that leaves it open, and at the end of the callback.',
  destroyInErrorListener: "Destroy it in the destination's 'error' listener.",
  releaseInChainFinally: 'Release it in a `.finally()` at the end of the promise chain.',
  moveIntoTry: 'Move the statements before the `try` into it, so its `finally` releases it when they throw.',
  guardEarlierRelease: 'Release it in a `finally` of its own, so what runs before it cannot skip it.',
  hoistBorrowedOption: 'Keep it in a `const` and release it after the call that borrows it.',
  declareWithUsing: 'Declare it with `{{keyword}}` so it is disposed on every path.',
} as const;

type RequireCloseMessage = keyof typeof requireCloseMessages;

/**
 * `require-close`: a handle acquired by a function (not returned, stored or handed to an owner) that
 * is not released on every path out of it, exceptions included. The suggestions are the codemod's own
 * edits: `try { … } finally { <release> }`, and `using` where the type is Disposable.
 */
export const requireClose: RuleDescriptor<RequireCloseMessage, typeof requireCloseOptions, WrapInTryFinallyPlan> = {
  name: REQUIRE_CLOSE,
  description: 'Require handles (files, sockets, streams, pool clients) to be released on every path, exceptions included',
  recommended: true,
  messages: requireCloseMessages,
  options: requireCloseOptions,
  detect: detectUnreleasedHandles,
  suggest(finding, analysis) {
    const plan = finding.remedy;
    if (plan.kind !== 'wrap-in-try-finally') return [];
    const styles = plan.disposal ? (['try-finally', 'using'] as const) : (['try-finally'] as const);
    return styles.flatMap((style) => {
      const result = editsForWrapInTryFinally(plan, analysis.sourceText, analysis.ast, style);
      if ('refusal' in result || ('note' in result && result.note)) return [];
      const messageId = plan.destroyOnPeerClose
        ? plan.destroyOnPeerClose.onSourceError
          ? 'destroyOnSourceError'
          : 'destroyOnPeerClose'
        : plan.hoist
          ? 'hoistBorrowedOption'
          : plan.onErrorOnly
            ? 'releaseOnError'
            : plan.guardEarlierStatements
              ? 'guardEarlierRelease'
              : plan.moveIntoTry
                ? 'moveIntoTry'
                : plan.chainFinally
                  ? 'releaseInChainFinally'
                  : plan.destroyInErrorListener
                    ? 'destroyInErrorListener'
                  : plan.releaseBeforeSettles
                    ? plan.releaseBeforeSettles.drops
                      ? 'releaseBeforeDrop'
                      : plan.releaseBeforeSettles.replaces
                      ? 'releaseBeforeReplace'
                      : plan.releaseBeforeSettles.teardown
                      ? 'releaseInTeardown'
                      : plan.releaseBeforeSettles.ends
                      ? plan.releaseBeforeSettles.statements.length > 0
                        ? 'releaseBeforeReturnAndAtEnd'
                        : 'releaseAtCallbackEnd'
                      : plan.releaseBeforeSettles.returns
                        ? 'releaseBeforeReturn'
                        : 'releaseBeforeSettle'
              : style === 'using'
                ? 'declareWithUsing'
                : 'wrapInTryFinally';
      return [
        {
          messageId,
          data: { keyword: plan.disposal === 'async' ? 'await using' : 'using' },
          edits: result.edits,
        },
      ];
    });
  },
};

/** `new Promise((resolve, reject) => { … })` runs its executor right away: the `new` runs as often as the code inside. */
function outsidePromiseExecutor(node: Node): Node {
  const fn = enclosingFunction(node);
  const made = fn?.parent;
  const isExecutor = made?.type === AST_NODE_TYPES.NewExpression && made.arguments[0] === fn && made.callee.type === AST_NODE_TYPES.Identifier && made.callee.name === 'Promise';
  return isExecutor ? made : node;
}

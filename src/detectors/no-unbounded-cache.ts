import type { Analysis } from '../analysis/analysis';
import { storesClientsOnly } from '../collections/client-tables';
import { isFiniteKeyTypeNode, writtenTypeArguments, type GrowingKind } from '../collections/collection-kind';
import { classifyUse, type CollectionUse } from '../collections/collection-uses';
import { declaredNameOf, fieldName, findLongLivedCollections, type LongLivedCollection } from '../collections/long-lived-collections';
import type { OptionValues } from '../descriptors/option-spec';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { Finding, Remedy } from '../findings/finding';
import type { BoundedCachePlan } from '../remedies/bounded-cache-plan';
import { selfLimitingGrowth } from '../collections/self-limiting-growth';
import { boundsTheCollection, KEYED_DELETES, shrinkVerdict, type ShrinkVerdict } from '../collections/bounding-shrinks';
import { handedOffUses, usesThroughOtherReferences } from '../collections/handed-off-uses';
import { KeyOrigins, type KeyOrigin } from '../collections/key-origin';
import { instanceSetupFunctions } from '../collections/instance-setup';
import { resetLeavingOut } from '../collections/reset-methods';
import { nestedUses } from '../collections/nested-growth';
import { usesThroughModuleHeldResult } from '../collections/module-held-hand-outs';
import { keepsWhatItSeesEnd } from '../collections/watched-ends';
import { treatsEntriesAsTransient } from '../collections/transient-entries';
import { strongValueDeclaredWeak } from '../collections/weak-declared-strong';
import { fillsAMiss } from '../collections/miss-fill-growth';
import { enclosingFunction, outermostWrapper, unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { AST_NODE_TYPES } from '../ast/node-types';
import { functionName } from '../ast/function-name';
import { executionOf, lifetimeExecutionOf, type Execution } from '../lifetime/execution';
import { describeRole, isHandlerRole } from '../lifetime/execution-role';
import { isEmptyValue, planBoundedCache } from '../remedies/plan-bounded-cache';
import { valuesAreDeclaredObjects } from '../collections/declared-value-types';
import { growthWithoutRegisteredEnd } from '../collections/registered-end-deletes';
import { madeOnlyPerCallElsewhere } from '../collections/instance-lifetime';
import { planDeleteOnTimeout } from '../remedies/plan-delete-on-timeout';
import { planLoaderCacheMap } from '../remedies/plan-loader-cache-map';
import { quoteUse } from '../remedies/quote-use';
import type { DeleteOnClosePlan, DeleteOnSettlePlan, DeleteOnTimeoutPlan } from '../remedies/bounded-cache-plan';
import { planDeleteOnClose } from '../remedies/plan-delete-on-close';
import { planDeleteOnSettle } from '../remedies/plan-delete-on-settle';
import { memoisedAtLoad, type MemoisedFunction } from '../collections/memoised-functions';
import { cachingLoaderKind } from '../collections/caching-loaders';
import { unboundedMemoGrowth, type MemoGrowth } from '../collections/memo-growth';
import { traceSilence } from '../debug/silence-trace';
import { settledWithoutDelete } from '../collections/settled-undeleted';
import { planDeleteWhereSettled } from '../remedies/plan-delete-where-settled';

export const NO_UNBOUNDED_CACHE = 'no-unbounded-cache';

const noUnboundedCacheOptions = {
  checkExported: {
    type: 'boolean',
    default: false,
    description: 'Whether to judge exported collections too, as if no other module removed their entries.',
  },
} as const;

type NoUnboundedCacheOptions = OptionValues<typeof noUnboundedCacheOptions>;

type NoUnboundedCacheMessageId = 'strongCollectionDeclaredWeak' | 'unboundedCache' | 'unboundedFieldCache' | 'unboundedClosureCache' | 'unboundedRefCache' | 'unboundedNestedCollection' | 'untrimmedBuffer' | 'notClearedByReset' | 'unboundedMemo';

type NoUnboundedCacheFinding = Finding<NoUnboundedCacheMessageId, BoundedCachePlan>;
type BoundedCacheRefusal = { readonly kind: 'refusal'; readonly reason: string };

const DESCRIPTIONS: Readonly<Record<GrowingKind, string>> = {
  map: 'a Map',
  set: 'a Set',
  array: 'an array',
  record: 'an object used as a map',
};

function whereItRuns(execution: Execution): string {
  if (execution.kind !== 'repeated') return describeRole(execution.role);
  const name = functionName(execution.function);
  return name ? `\`${name}\`, which can run any number of times` : 'a function that can run any number of times';
}

/** Growth in an interval or timeout callback: samples appended on a timer, a buffer rather than a cache. */
function onATimer(execution: Execution): boolean {
  const role = execution.role;
  return role.kind === 'timer-callback' && role.registration.timer !== 'setImmediate';
}

/** `Map<'a' | 'b', V>`, `Map<Status, V>` (typed: enums too): at most as many entries as the key type has members. */
function hasFiniteKeys(analysis: Analysis, collection: LongLivedCollection): boolean {
  const declared = declaredNameOf(collection);
  if (analysis.oracle.hasFiniteKeys(declared) === true) return true;
  if (collection.kind !== 'map' && collection.kind !== 'set') return false;
  return isFiniteKeyTypeNode(writtenTypeArguments(collection.init, collection.annotation)?.[0]);
}

/**
 * The functions whose own bodies run once per holder: the factory of a closure; the constructor of an
 * instance, its one-shot lifecycle hooks and the private methods only they call.
 */
function holderSetup(collection: LongLivedCollection): ReadonlySet<Node> {
  const holder = collection.holder;
  if (holder.kind === 'closure') return new Set([holder.fn]);
  return holder.kind === 'instance' ? instanceSetupFunctions(holder.cls) : new Set();
}

/** Where a growth's key comes from; a Map or Set compares keys by identity, so an object made per call is a key made per call. */
function keyOriginOf(collection: LongLivedCollection, use: CollectionUse, keyOrigins: KeyOrigins): KeyOrigin {
  return collection.kind === 'map' || collection.kind === 'set' ? keyOrigins.ofIdentityKey(use.key) : keyOrigins.of(use.key);
}

/**
 * `sessions.set(randomUUID(), session)`, `pending.set(req.body.id, …)` into an exported module
 * collection that this file never shrinks: the keys are made per call or come from requests, so no
 * caller chose them and no importer can name them all (metacom's `sessions`, exported beside the
 * `channels` it did clean up). Keys that are the arguments of its exported functions are the
 * importers' own, and they may delete them: not judged without `checkExported`.
 */
function growsWithKeysItMakesOrReceives(collection: LongLivedCollection, use: CollectionUse, keyOrigins: KeyOrigins): boolean {
  const origin = keyOriginOf(collection, use, keyOrigins);
  return origin === 'generated' || origin === 'input';
}

/** The holder's kind and, for an instance, how long the file shows it living: for the silence trace. */
function holderLifetime(collection: LongLivedCollection): string {
  const holder = collection.holder;
  return holder.kind === 'instance' ? `instance-${holder.lifetime.kind}` : holder.kind === 'closure' ? `closure-${holder.lifetime}` : holder.kind;
}

/** Growth in code that runs over and over: the sites, with how they run. */
function repeatedGrowth(
  analysis: Analysis,
  collection: LongLivedCollection,
  uses: readonly CollectionUse[],
  keyOrigins: KeyOrigins,
): { use: CollectionUse; execution: Execution }[] {
  const setup = holderSetup(collection);
  // Each stage's survivors; the stage that leaves none is what the silence trace names.
  const stages: [string, (use: CollectionUse) => boolean][] = [
    ['no-growth', (use) => use.kind === 'grow'],
    // The constructor (or set-up it calls) or the factory filling its own collection runs once per instance or closure.
    ['grows-in-setup', (use) => !setup.has(enclosingFunction(use.site) as Node)],
    // Keys written in the program (literals, enum members, names every caller here writes out): a registry, not a cache.
    ['code-keys', (use) => collection.kind === 'array' || keyOriginOf(collection, use, keyOrigins) !== 'code'],
    ['self-limiting', (use) => selfLimitingGrowth(use, keyOrigins) === undefined],
  ];
  let left: readonly CollectionUse[] = uses;
  for (const [gate, keep] of stages) {
    left = left.filter(keep);
    if (left.length === 0) {
      traceSilence(NO_UNBOUNDED_CACHE, collection.init, gate);
      return [];
    }
  }
  const repeated = left.map((use) => ({ use, execution: lifetimeExecutionOf(use.site, analysis.scopeManager) })).filter(({ execution }) => execution.kind !== 'once');
  if (repeated.length === 0) traceSilence(NO_UNBOUNDED_CACHE, collection.init, 'grows-once');
  return repeated;
}

/** Everything done to the collection: its references, and what functions it is handed to or other references do. */
function allUses(analysis: Analysis, collection: LongLivedCollection, keyOrigins: KeyOrigins): CollectionUse[] {
  const own = collection.references.map((reference) => classifyUse(collection.kind, reference));
  const uses = [...own, ...handedOffUses(analysis, collection.kind, own)];
  // `router.toastKeys.clear()` shrinks it; `copy.scripts.set(…)` fills another instance's. A walk of
  // the whole file, so only for a field that grows and is not bounded already.
  const undecided = own.some((use) => use.kind === 'grow') && !uses.some((use) => use.kind === 'shrink' && boundsTheCollection(use, uses, keyOrigins));
  if (collection.holder.kind === 'instance' && undecided) {
    uses.push(...usesThroughOtherReferences(analysis, collection, collection.name.slice('this.'.length)).filter((use) => use.kind === 'shrink'));
  }
  return uses;
}

/**
 * Whether growth of an instance's collection is judged. The instance's callers are elsewhere, so keys
 * that are only the arguments they pass (`apply(token)`, `updateRevision(environment)`) say nothing
 * about how many there are; keys generated per call, or carried by the events and requests the
 * instance handles, do. An instance the file shows living long (a singleton, a DI service, a
 * server owner) is judged on event, request and unknown keys; one whose lifetime the file does not
 * show (an exported class nobody here makes) on keys it generates itself (`randomUUID()`, a counter:
 * those grow with every call, however few instances there are) and on keys from the events or
 * requests it handles (it lives at least as long as their stream; arrays excepted, where test
 * doubles that record every event they get are the usual case). A collection whose own deletes end
 * some entries and miss others (a TTL checked on reads, a delete on failure only, an age-only sweep)
 * is a cache by its own account, not a registry of names, written to outlive its entries: the
 * arguments its callers pass are judged too, whatever the lifetime the file shows. So are they when a
 * long-lived instance looks a key up and stores what it computed on a miss (a cache of results, not a
 * registry of what callers hand it). Whatever the
 * lifetime, a collection that takes in connections whose end the same code listens for, and never
 * removes any, is judged: each connection that comes and goes stays.
 */
function judgedForItsKeys(analysis: Analysis, collection: LongLivedCollection, growth: readonly CollectionUse[], uses: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  const holder = collection.holder;
  const origins = growth.map((use) => keyOriginOf(collection, use, keyOrigins));
  // A component's ref lives as long as the component stays mounted: judged, like an instance whose
  // lifetime the file does not show, on keys it generates or gets from the events it handles.
  if (holder.kind === 'component') return collection.kind !== 'array' && (origins.includes('generated') || origins.includes('input'));
  // One client per shard, endpoint or configuration: as many as there are of those, unless requests or calls make the keys.
  if (!origins.includes('input') && !origins.includes('generated') && storesClientsOnly(analysis, growth)) return false;
  // An exported factory's closure lives as long as its caller keeps it: judged like an instance nobody here makes.
  if (holder.kind === 'module' || (holder.kind === 'closure' && holder.lifetime !== 'exported-factory')) return true;
  if (origins.includes('generated')) return true;
  // Keyed by the events or requests it handles: it lives at least as long as their stream.
  if (collection.kind !== 'array' && origins.includes('input')) return true;
  // It puts connections in and listens for their end, yet never takes them out: each one that comes and goes stays.
  if (!uses.some((use) => use.kind === 'shrink') && growth.some(keepsWhatItSeesEnd)) return true;
  // Its own deletes end some entries (expired, failed, answered) and miss the others: a cache by its
  // own account, written to outlive its entries, so the keys its callers pass are judged too.
  if (treatsEntriesAsTransient(uses, keyOrigins) && (origins.includes('argument') || origins.includes('unknown'))) return true;
  if (holder.kind === 'closure' || holder.lifetime.kind === 'unknown') return false;
  if (origins.includes('input') || origins.includes('unknown')) return true;
  // `MemoryCache.prototype.set = function (key, value) { this._cache[key] = value }` on an instance the
  // module keeps: the code calls it a cache, which holds what callers ask for, not a registry of names.
  if (origins.includes('argument') && namedACache(collection)) return true;
  // Looked up first and filled with what it computed on a miss: a cache of results keyed by whatever
  // callers ask for, held by an instance that lives long.
  return origins.includes('argument') && growth.some((use) => fillsAMiss(use, uses));
}

const CACHE_NAME = /cache|memo/i;

/** The collection (`this._cache`, `this.memo`) or the class that holds it (`MemoryCache`) is named a cache. */
function namedACache(collection: LongLivedCollection): boolean {
  const holder = collection.holder;
  return CACHE_NAME.test(collection.name) || (holder.kind === 'instance' && CACHE_NAME.test(holder.className));
}

/**
 * `no-unbounded-cache`: a long-lived Map/Set/array/index-signature object — module-level, static, a
 * field of a long-lived instance, or kept by a module-lived closure — that grows in repeated code and
 * that nothing bounds. The incident: an agent's global `metricCache` map with no eviction, 100 MB to
 * 2 GB in a week, then the OOM killer.
 */
function detectUnboundedCaches(analysis: Analysis, options: NoUnboundedCacheOptions): NoUnboundedCacheFinding[] {
  const collections = new Map<Node, LongLivedCollection>();
  const findings = detectCollections(analysis, options, collections);
  // An exported class the file does not show living long may be made only per call elsewhere in
  // the program (typed): the other files are read only for what is about to be reported.
  const perCall = new Map<Node, boolean>();
  return findings.filter((finding) => {
    const holder = collections.get(finding.node)?.holder;
    if (holder?.kind !== 'instance' || holder.lifetime.kind !== 'unknown') return true;
    let made = perCall.get(holder.cls);
    if (made === undefined) {
      made = madeOnlyPerCallElsewhere(analysis.ast, analysis.scopeManager, holder.cls, analysis.oracle);
      perCall.set(holder.cls, made);
    }
    if (made) traceSilence(NO_UNBOUNDED_CACHE, finding.node, 'instance-per-call-elsewhere');
    return !made;
  });
}

function detectCollections(analysis: Analysis, options: NoUnboundedCacheOptions, collections: Map<Node, LongLivedCollection>): NoUnboundedCacheFinding[] {
  const findings: NoUnboundedCacheFinding[] = [];
  const keyOrigins = new KeyOrigins(analysis.scopeManager);
  for (const collection of findLongLivedCollections(analysis)) {
    collections.set(declaredNameOf(collection), collection);
    const uses = allUses(analysis, collection, keyOrigins);
    const leftOut = resetLeftOut(analysis, collection, uses, keyOrigins) ?? declaredWeakMadeStrong(analysis, collection, uses, keyOrigins);
    if (leftOut) {
      findings.push(leftOut);
      continue;
    }
    if (uses.some((use) => use.kind === 'shrink' && boundsTheCollection(use, uses, keyOrigins))) {
      const nested = collection.kind === 'map' ? unboundedNestedGrowth(analysis, collection, uses, keyOrigins, 'removes an entry only as a whole') : undefined;
      if (nested) findings.push(nested);
      else traceSilence(NO_UNBOUNDED_CACHE, collection.init, 'bounded-by-shrink');
      continue;
    }
    const exported = collection.exportedByDeclaration || uses.some((use) => use.kind === 'export');
    // Exported, it may be shrunk by the modules that import it — unless nothing could name its keys
    // there to delete them: judged below on keys it makes or takes from requests, never on arguments.
    const judgedThoughExported = collection.holder.kind === 'module' && !uses.some((use) => use.kind === 'shrink');
    if (exported && !options.checkExported && !judgedThoughExported) {
      traceSilence(NO_UNBOUNDED_CACHE, collection.init, 'exported');
      continue;
    }
    // A closure that hands its collection out (`return { store, middleware }`): the caller may shrink
    // it — unless the caller is this module, which keeps the result and shows all it does with it.
    let handOutsServedByMapApi = false;
    if (collection.holder.kind === 'closure' && handsOut(collection, uses)) {
      const handOuts = uses.filter((use) => isHandOut(collection, use));
      const outside = usesThroughModuleHeldResult(analysis, collection, handOuts);
      if (!outside || outside.uses.some((use) => use.kind === 'shrink')) {
        traceSilence(NO_UNBOUNDED_CACHE, collection.init, 'handed-out');
        continue;
      }
      // Looked up and filled only through the methods an LRUCache shares with Map, by code that does
      // not declare it a Map: an LRUCache can take its place.
      handOutsServedByMapApi = collection.kind === 'map' && !outside.typedReceiver && outside.uses.every((use) => MAP_API_SHARED_BY_LRU.has(use.operation));
    }
    const growth = repeatedGrowth(analysis, collection, uses, keyOrigins);
    if (exported && !options.checkExported && !growth.some(({ use }) => growsWithKeysItMakesOrReceives(collection, use, keyOrigins))) {
      traceSilence(NO_UNBOUNDED_CACHE, collection.init, 'exported-argument-keys');
      continue;
    }
    const first = growth[0];
    if (!first || hasFiniteKeys(analysis, collection) || !judgedForItsKeys(analysis, collection, growth.map(({ use }) => use), uses, keyOrigins)) {
      // Its own keys are names the program or its callers give (a gauge per metric name), but what
      // each key holds grows with request data or values made per call.
      const nested = holdsCollectionsByName(collection, uses) ? unboundedNestedGrowth(analysis, collection, uses, keyOrigins, 'is keyed by names its callers give') : undefined;
      if (nested) findings.push(nested);
      else if (first) traceSilence(NO_UNBOUNDED_CACHE, collection.init, hasFiniteKeys(analysis, collection) ? 'finite-keys' : `keys-not-judged:${holderLifetime(collection)}:${[...new Set(growth.map(({ use }) => keyOriginOf(collection, use, keyOrigins)))].join('+')}`);
      continue;
    }
    const periodic = collection.kind === 'array' && onATimer(first.execution);
    const loader = cachingLoaderKind(analysis, collection.init) === 'unbounded';
    const holder = collection.holder;
    const messageId: NoUnboundedCacheMessageId = periodic
      ? 'untrimmedBuffer'
      : holder.kind === 'instance'
        ? 'unboundedFieldCache'
        : holder.kind === 'closure'
          ? 'unboundedClosureCache'
          : holder.kind === 'component'
            ? 'unboundedRefCache'
            : 'unboundedCache';
    findings.push({
      ruleId: NO_UNBOUNDED_CACHE,
      messageId,
      node: declaredNameOf(collection),
      data: {
        name: collection.name,
        collection: loader ? 'a DataLoader, which caches every key it loads' : DESCRIPTIONS[collection.kind],
        line: String(first.use.site.loc.start.line),
        where: whereItRuns(first.execution),
        operation: first.use.operation,
        ...holderData(collection),
        removal: removalOf(uses, keyOrigins, holder.kind === 'module' ? 'nothing in this module ever removes entries' : 'nothing ever removes entries'),
      },
      remedy: (loader ? planLoaderCacheMap(analysis, collection.init) : remedyWhereEntriesEnd(analysis, collection, uses, keyOrigins, first.use)) ?? planBoundedCache(
          analysis,
          collection,
          collection.references.map((reference) => classifyUse(collection.kind, reference)).filter((use) => !(handOutsServedByMapApi && isHandOut(collection, use))),
          growth.map(({ use }) => use),
          exported,
        ),
    });
  }
  findings.push(...unboundedMemos(analysis, keyOrigins));
  return findings;
}

const MEMO_GROWTH: Readonly<Record<MemoGrowth['reason'], string>> = {
  'fresh-key': 'passes a new object each time, and the memoiser keys by identity: no call hits, each adds an entry',
  'expires-on-read': 'asks for keys that are not written in the program, and `maxAge` is checked only when a key is read again: every key asked for once stays',
  'input-key': 'passes request or message data (or an id made per call) as the key: one entry per distinct value',
};

/**
 * `const resolveCached = memoize(fn)` at module load: the memoiser's own Map lives as long as the
 * module, keyed by what each call passes (design: "Lifetimes propagate"). The codemod cannot swap a
 * library's internal cache for every memoiser, so the plan is a refusal that says what bounds it.
 */
function unboundedMemos(analysis: Analysis, keyOrigins: KeyOrigins): NoUnboundedCacheFinding[] {
  const findings: NoUnboundedCacheFinding[] = [];
  for (const memo of memoisedAtLoad(analysis)) {
    const growth = unboundedMemoGrowth(analysis, memo, keyOrigins);
    if (!growth) continue;
    const where = growth.call ? `the call on line ${growth.call.loc.start.line}` : 'every caller in other modules';
    findings.push({
      ruleId: NO_UNBOUNDED_CACHE,
      messageId: 'unboundedMemo',
      node: memo.declarator.id,
      data: { name: memo.name, memoiser: memo.memoiserName, why: `${where} ${MEMO_GROWTH[growth.reason]}` },
      remedy: planBoundedMemo(memo),
    });
  }
  return findings;
}

/** lodash's `memoized.cache`, mem's `cache` option: an LRUCache fits either; other memoisers keep a marker. */
function planBoundedMemo(memo: MemoisedFunction): BoundedCachePlan | BoundedCacheRefusal {
  const replaceable = memo.memoiser.replaceableCache;
  if (replaceable === 'property' && memo.statement) return { kind: 'bounded-cache', collection: 'memo', bound: { via: 'cache-property', statement: memo.statement, name: memo.name } };
  const options = memo.application.arguments[1];
  if (replaceable === 'option' && options?.type === AST_NODE_TYPES.ObjectExpression) return { kind: 'bounded-cache', collection: 'memo', bound: { via: 'cache-option', options } };
  return { kind: 'refusal', reason: `the cache is inside \`${memo.memoiserName}\`: give it a bound (a size limit, or an LRU cache as its cache) or key it on a stable value` };
}

const UNBOUNDING_SHRINKS: Readonly<Record<Exclude<ShrinkVerdict, 'bounds'>, string>> = {
  'only-watches-size': 'its size check only watches the size, it removes nothing',
  'same-key-again': 'its delete only makes room for the same key again',
  'expired-read': 'it deletes an entry only when that key is read again after it expired, so keys nobody asks for again stay',
  'caller-named': 'apart from deleting an entry when its key is read again after it expired, it deletes only the keys its callers name, so keys nobody asks for again or deletes stay',
  'caller-named-request-keys': 'it deletes only the keys its callers name, but its keys come from the requests it serves, which no caller keeps a list of: every key nobody asks to delete stays',
  'answered-only': 'its entries are keyed by ids made per call and deleted only when a reply names them, not when their timer fires, so every request that timed out stays',
  'peer-left': 'its entries are keyed by ids made per call and deleted only when a peer answers, and this code sees peers leave (`close`) without removing theirs, so every entry a peer left unanswered stays',
  'cancelled-timer': 'its only delete runs in a timeout that an answered request cancels (`clearTimeout`), so every entry answered in time stays',
  'age-only-cap': 'its size cap runs a cleanup that only deletes entries older than a window, so with more keys inside the window than the cap nothing is removed',
  'failure-only': 'it deletes an entry only when its work failed (in a `catch`, a rejection or an error handler), so every entry whose work succeeds stays',
  'peer-goodbye': 'it deletes an entry only when its peer says goodbye in a message (a field compared with a word like `stopped` or `unsubscribe`), so every peer that just went away stays',
  'settled-elsewhere': 'another function settles an entry (`resolve`/`reject` on what it reads) without deleting it, so every entry settled there stays; this delete ends only the others',
  'teardown-clear': 'it is cleared only when its holder is torn down (`stop()`, `close()`, `dispose()`), and its other deletes end only some entries, so entries pile up for as long as the holder lives',
  'end-registered-by-some':
    'it deletes an entry only in an end listener that one growing function registers on what it adds, and another adds entries without one, so those stay',
  'client-request-only':
    'it deletes an entry only when a later request names the id a handler made for it (a logout, a finish, a fetch of the result), so every entry whose client never comes back stays',
  'client-ended-session':
    'it deletes a session only when its client ends it with an explicit DELETE (MCP calls `onsessionclosed` and a streamable transport\'s `onclose` only then), so every session whose client just went away stays with its transport',
};

/** The first removal that bounds nothing, with why. */
function unboundingShrinkOf(uses: readonly CollectionUse[], keyOrigins: KeyOrigins): { use: CollectionUse; verdict: Exclude<ShrinkVerdict, 'bounds'> } | undefined {
  let teardown: { use: CollectionUse; verdict: Exclude<ShrinkVerdict, 'bounds'> } | undefined;
  for (const use of uses) {
    if (use.kind !== 'shrink') continue;
    const verdict = shrinkVerdict(use, uses, keyOrigins);
    // The delete that ends only some entries says more than the clear when the holder goes away.
    if (verdict === 'teardown-clear') teardown ??= { use, verdict };
    else if (verdict !== 'bounds') return { use, verdict };
  }
  return teardown;
}

/** How the message says what removes entries: nothing, or a removal that bounds nothing (line). */
function removalOf(uses: readonly CollectionUse[], keyOrigins: KeyOrigins, nothing: string): string {
  const unbounding = unboundingShrinkOf(uses, keyOrigins);
  if (unbounding?.verdict === 'end-registered-by-some') {
    const unregistered = growthWithoutRegisteredEnd(unbounding.use, uses);
    if (unregistered) return `${UNBOUNDING_SHRINKS[unbounding.verdict]} (the listener's delete on line ${unbounding.use.site.loc.start.line}; line ${unregistered.growth.site.loc.start.line} adds without one)`;
  }
  if (unbounding) return `${UNBOUNDING_SHRINKS[unbounding.verdict]} (line ${unbounding.use.site.loc.start.line})`;
  // `listeners[id] = undefined`: meant as a removal, it keeps the key.
  const tombstone = uses.find((use) => use.operation === 'index-write' && use.site.type === AST_NODE_TYPES.AssignmentExpression && isEmptyValue(use.site.right));
  return tombstone ? `${nothing} (setting a key to undefined or null, as line ${tombstone.site.loc.start.line} does, keeps the key)` : nothing;
}

/**
 * Entries whose end is an event the code can name: a pending request a timer also ends, a connection
 * that closes. An LRU or a trim would drop live ones; the fix is to remove each where it ends — the
 * plan that does (delete on timeout, on settle, on close), or why it cannot.
 */
function remedyWhereEntriesEnd(analysis: Analysis, collection: LongLivedCollection, uses: readonly CollectionUse[], keyOrigins: KeyOrigins, growth: CollectionUse): BoundedCacheRefusal | DeleteOnTimeoutPlan | DeleteOnSettlePlan | DeleteOnClosePlan | undefined {
  const unboundingShrink = unboundingShrinkOf(uses, keyOrigins);
  const unbounding = unboundingShrink?.verdict;
  if (unbounding === 'answered-only') {
    return (
      planDeleteOnTimeout(analysis, growth) ?? {
        kind: 'refusal',
        reason: 'its entries are pending work that a timer also ends: delete the entry where the timer fires (and on every error); an LRU would drop live requests',
      }
    );
  }
  if (unbounding === 'settled-elsewhere') {
    const settled = settledWithoutDelete(uses);
    return settled
      ? planDeleteWhereSettled(analysis, settled, uses.filter((use) => use.kind === 'grow'))
      : { kind: 'refusal', reason: 'its entries are pending work settled in more than one place: delete the entry wherever it is settled (resolve or reject); an LRU would drop live ones' };
  }
  if (unbounding === 'client-request-only') {
    return {
      kind: 'refusal',
      reason: 'its entries end only when their client asks: record when each was last used and, on a timer, delete the ones idle too long (or give each an expiry); an LRU would drop live ones',
    };
  }
  if (unbounding === 'client-ended-session') {
    return {
      kind: 'refusal',
      reason: 'its sessions end only when a client sends DELETE: record when each session was last used and, on a timer, close and delete the ones idle too long; an LRU would end live sessions',
    };
  }
  if (unbounding === 'peer-left') {
    return { kind: 'refusal', reason: 'its entries wait for a peer to answer: remove them where the peer leaves (its `close` handler), or give each a timeout that deletes it; an LRU would drop live ones' };
  }
  if (unboundingShrink?.verdict === 'cancelled-timer') return planDeleteOnSettle(analysis, unboundingShrink.use);
  if (unboundingShrink?.verdict === 'end-registered-by-some') return planRegisterEndToo(analysis, collection, unboundingShrink.use, uses);
  const connections = !uses.some((use) => use.kind === 'shrink') && keepsWhatItSeesEnd(growth);
  if (connections || (collection.holder.kind === 'closure' && collection.holder.lifetime === 'server-handler' && growsByConnection(growth))) {
    return planDeleteOnClose(analysis, uses.filter((use) => use.kind === 'grow'));
  }
  return undefined;
}

/**
 * The end listener one growing function registers, registered by the one that has none too: after
 * its growth statement, `<value>.once('<event>', () => <collection>.delete(<key>))` — only the removal,
 * not whatever else the other listener does (playnetwork's fix).
 */
function planRegisterEndToo(analysis: Analysis, collection: LongLivedCollection, shrink: CollectionUse, uses: readonly CollectionUse[]): BoundedCacheRefusal | DeleteOnClosePlan {
  const unregistered = growthWithoutRegisteredEnd(shrink, uses);
  const refusal: BoundedCacheRefusal = { kind: 'refusal', reason: 'entries added without an end listener stay: register the same removal where they are added' };
  if (!unregistered) return refusal;
  const site = unregistered.growth.site;
  const statement = outermostWrapper(site).parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) return refusal;
  const text = (node: Node) => analysis.sourceText.slice(node.range[0], node.range[1]);
  let removal: string | undefined;
  if (site.type === AST_NODE_TYPES.CallExpression && site.callee.type === AST_NODE_TYPES.MemberExpression && unregistered.growth.operation === 'set' && site.arguments[0]) {
    removal = `${text(site.callee.object)}.delete(${text(site.arguments[0])})`;
  } else if (site.type === AST_NODE_TYPES.CallExpression && site.callee.type === AST_NODE_TYPES.MemberExpression && unregistered.growth.operation === 'add' && site.arguments[0]) {
    removal = `${text(site.callee.object)}.delete(${text(site.arguments[0])})`;
  } else if (site.type === AST_NODE_TYPES.AssignmentExpression && site.left.type === AST_NODE_TYPES.MemberExpression && site.left.computed) {
    removal = `delete ${text(site.left)}`;
  }
  if (removal === undefined || collection.kind === 'array') return refusal;
  return { kind: 'bounded-cache', collection: 'delete-on-close', removals: [{ kind: 'new-listener', after: statement, target: unregistered.value, event: unregistered.event, statements: [removal] }] };
}

/**
 * A Map or record whose own growth is keyed by names written in the program and that holds a
 * collection under each (`this.gauges[name] = this.gauges[name] || new Map()`): a registry of
 * collections, judged by what the collections gain. An instance whose lifetime the file does not show
 * is left alone, as for its own keys.
 */
function holdsCollectionsByName(collection: LongLivedCollection, uses: readonly CollectionUse[]): boolean {
  if (collection.kind !== 'map' && collection.kind !== 'record') return false;
  if (collection.holder.kind === 'instance' && collection.holder.lifetime.kind !== 'module' && collection.holder.lifetime.kind !== 'service') return false;
  if (collection.holder.kind === 'component' || (collection.holder.kind === 'closure' && collection.holder.lifetime === 'exported-factory')) return false;
  return uses.some((use) => use.kind === 'grow');
}

/** `connections.push(socket)` where `socket` is the handler's connection parameter. */
function growsByConnection(growth: CollectionUse): boolean {
  const role = executionOf(growth.site).role;
  const value = growth.site.type === AST_NODE_TYPES.CallExpression ? growth.site.arguments[growth.operation === 'set' ? 1 : 0] : undefined;
  return isHandlerRole(role) && value?.type === AST_NODE_TYPES.Identifier && role.connection.some((connection) => connection.name === value.name);
}


/**
 * `wsToUUIDs.get(ws)?.add(data.uuid)`, per message, in a Map whose entries are deleted when the
 * connection ends: the entry is bounded, the Set it holds is not — a connection that stays open for
 * days (a Unix socket client, a broker peer) makes it grow for as long. Reported when the values'
 * collections grow in repeated code with keys from messages or generated per call, and nothing ever
 * removes from them (only deleting the whole entry).
 */
function unboundedNestedGrowth(analysis: Analysis, collection: LongLivedCollection, uses: readonly CollectionUse[], keyOrigins: KeyOrigins, outer: string): NoUnboundedCacheFinding | undefined {
  // `new Map<string, Game>()` with `class Game { push(socket) … }` here: `games.get(id)?.push(socket)` is the game's own method.
  if (valuesAreDeclaredObjects(analysis.ast, collection)) return undefined;
  const nested = nestedUses(analysis, uses);
  if (nested.some((use) => use.kind === 'shrink')) return undefined;
  for (const use of nested) {
    // A nested Map or Set compares keys by identity: an object made per call is a new key each time.
    const origin = use.method === 'set' || use.method === 'add' ? keyOrigins.ofIdentityKey(use.key) : keyOrigins.of(use.key);
    if (origin !== 'input' && origin !== 'generated') continue;
    const asCollectionUse: CollectionUse = { kind: 'grow', reference: use.site, site: use.site, operation: use.method, ...(use.key ? { key: use.key } : {}) };
    if (selfLimitingGrowth(asCollectionUse, keyOrigins) !== undefined) continue;
    const execution = lifetimeExecutionOf(use.site, analysis.scopeManager);
    if (execution.kind === 'once') continue;
    return {
      ruleId: NO_UNBOUNDED_CACHE,
      messageId: 'unboundedNestedCollection',
      node: declaredNameOf(collection),
      data: { name: collection.name, outer, line: String(use.site.loc.start.line), where: whereItRuns(execution), operation: use.method },
      remedy: { kind: 'refusal', reason: nestedGrowthReason(analysis, asCollectionUse) },
    };
  }
  return undefined;
}

/**
 * Why the codemod leaves a map whose inner collections grow: an LRU on the outer map would not stop
 * them, and whether an inner entry may go depends on what reads it (a lock released on disconnect,
 * a gauge flushed each tick), which only a person can say. Quotes the growth: the marker moves lines.
 */
function nestedGrowthReason(analysis: Analysis, growth: CollectionUse): string {
  return `it is the collections kept under each key that grow (${quoteUse(analysis, growth)}), and what reads them decides whether their entries may go: bound or prune them where they grow, or drop them if nothing reads them`;
}

/**
 * `keyMap` of a hand-written LRU: pruned one key at a time (eviction), in a class whose `clear()`
 * empties every other collection of the instance but not this one. Keys written before a reset are
 * never evicted afterwards (eviction finds them through the state the reset wiped), so each reset
 * followed by new keys leaves more behind. Judged whatever the instance's lifetime: the class bounds
 * its other state itself, so it is meant to live and stay bounded.
 */
function resetLeftOut(analysis: Analysis, collection: LongLivedCollection, uses: readonly CollectionUse[], keyOrigins: KeyOrigins): NoUnboundedCacheFinding | undefined {
  const holder = collection.holder;
  if (holder.kind !== 'instance') return undefined;
  const shrinks = uses.filter((use) => use.kind === 'shrink');
  if (shrinks.length === 0 || shrinks.some((use) => !KEYED_DELETES.has(use.operation))) return undefined;
  if (uses.some((use) => use.kind === 'export')) return undefined;
  const first = repeatedGrowth(analysis, collection, uses, keyOrigins)[0];
  if (!first || hasFiniteKeys(analysis, collection)) return undefined;
  const reset = resetLeavingOut(holder.cls, collection.name.slice('this.'.length), shrinks.flatMap((use) => (use.key ? [use.key] : [])));
  if (!reset) return undefined;
  const method = fieldName(reset.key) ?? 'reset';
  const emptying = emptyingOf(collection);
  return {
    ruleId: NO_UNBOUNDED_CACHE,
    messageId: 'notClearedByReset',
    node: declaredNameOf(collection),
    data: { name: collection.name, collection: DESCRIPTIONS[collection.kind], owner: holder.className, method, line: String(first.use.site.loc.start.line) },
    remedy: emptying
      ? { kind: 'bounded-cache', collection: 'left-out-of-reset', reset, emptying }
      : { kind: 'refusal', reason: `\`${method}()\` resets the rest of \`${holder.className}\`; clear \`${collection.name}\` there too` },
  };
}

/**
 * `contexts: WeakMap<Page, BlockingContext> = new Map()` (see `strongValueDeclaredWeak`): reported when
 * it grows in repeated code, whatever deletes it has and however long its holder lives — the
 * declaration promises entries that end with their keys, and only the constructor keeps that promise.
 */
function declaredWeakMadeStrong(analysis: Analysis, collection: LongLivedCollection, uses: readonly CollectionUse[], keyOrigins: KeyOrigins): NoUnboundedCacheFinding | undefined {
  const made = strongValueDeclaredWeak(analysis, collection.init, declaredNameOf(collection), collection.annotation);
  if (!made) return undefined;
  const first = repeatedGrowth(analysis, collection, uses, keyOrigins)[0];
  if (!first) return undefined;
  const [strong, weak] = made === 'map' ? (['Map', 'WeakMap'] as const) : (['Set', 'WeakSet'] as const);
  return {
    ruleId: NO_UNBOUNDED_CACHE,
    messageId: 'strongCollectionDeclaredWeak',
    node: declaredNameOf(collection),
    data: { name: collection.name, strong, weak, line: String(first.use.site.loc.start.line), where: whereItRuns(first.execution) },
    remedy: constructDeclaredWeak(collection.init, weak),
  };
}

/** `new Map()` declared a WeakMap: rename the constructor; anything else made it (a call) is left to the user. */
function constructDeclaredWeak(init: Node, weak: 'WeakMap' | 'WeakSet'): Remedy<BoundedCachePlan> {
  const made = unwrapExpression(init);
  if (made.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier) {
    return { kind: 'bounded-cache', collection: 'construct-declared-weak', callee: made.callee, weak };
  }
  return { kind: 'refusal', reason: `it is declared a ${weak}: construct it with \`new ${weak}()\`, so each entry goes with its key` };
}

/** The statement that empties a collection in place: a reset method may run while it is in use. */
function emptyingOf(collection: LongLivedCollection): string | undefined {
  if (collection.kind === 'map' || collection.kind === 'set') return `${collection.name}.clear()`;
  if (collection.kind === 'array') return `${collection.name}.length = 0`;
  return undefined;
}

/** Map methods an LRUCache has too, with the same meaning: code that only calls these works with either. */
const MAP_API_SHARED_BY_LRU = new Set(['get', 'set', 'has', 'delete', 'clear']);

function handsOut(collection: LongLivedCollection, uses: readonly CollectionUse[]): boolean {
  return uses.some((use) => isHandOut(collection, use));
}

function isHandOut(collection: LongLivedCollection, use: CollectionUse): boolean {
  const holder = collection.holder;
  return holder.kind === 'closure' && use.kind === 'escape' && use.operation === 'value' && enclosingFunction(use.site) === holder.fn;
}

const INSTANCE_LIFETIMES: Readonly<Record<string, string>> = {
  'module-instance': 'an instance is made at module load and kept',
  'singleton-slot': 'it is kept as a singleton',
  'held-by-long-lived': 'it is kept in a field of an object that lives as long as the process (a singleton or a service)',
  'di-service': 'it is a DI service, made once for the application',
  'connection-handlers': 'it serves connections (`handleConnection`), one instance for all of them',
  'owns-server': 'its constructor starts a server, so the instance lives as long as the server',
  'owns-interval': 'its constructor starts an interval, so the instance lives as long as it runs',
  'owns-listener': 'its constructor listens for events, so the instance lives as long as they come',
  unknown: 'an instance lives as long as whoever makes it keeps it',
};

function holderData(collection: LongLivedCollection): Record<string, string> {
  const holder = collection.holder;
  if (holder.kind === 'instance') {
    return { owner: holder.className, lifetime: INSTANCE_LIFETIMES[holder.lifetime.kind === 'module' || holder.lifetime.kind === 'service' ? holder.lifetime.how : 'unknown'] ?? '' };
  }
  if (holder.kind === 'component') return { owner: holder.component };
  if (holder.kind === 'closure') {
    const keptBy = {
      'called-at-load': `the function \`${holder.factory}\` returns, which is made at module load`,
      middleware: `the function \`${holder.factory}\` returns, which is request middleware, mounted once at start-up`,
      'server-handler': `a server handler \`${holder.factory}\` registers, which runs for as long as the server serves`,
      'exported-factory': `what the exported \`${holder.factory}\` returns, which lives as long as its caller keeps it (a store made once for the application, as long as the process)`,
      'module-iife': 'the functions that the function the module runs at load leaves behind (callbacks, listeners, replaced globals), which live as long as the module',
    }[holder.lifetime];
    return { keptBy };
  }
  return {};
}

/** The rule's messages; the codemod's report renders the same text. */
const noUnboundedCacheMessages: Record<NoUnboundedCacheMessageId, string> = {
  strongCollectionDeclaredWeak:
    '`{{name}}` is declared a {{weak}} but made with `new {{strong}}()`: it holds every key strongly, so each entry stays after the rest of the program drops its key, until something deletes it; it grows on line {{line}}, in {{where}}. Make it the `new {{weak}}()` it is declared as.',
  unboundedCache:
    '`{{name}}` ({{collection}}) grows on line {{line}}, in {{where}}, and {{removal}}: it grows for as long as the process runs. Bound it (an LRU or TTL cache, a size cap) or sweep it.',
  unboundedFieldCache:
    '`{{name}}` ({{collection}}) of `{{owner}}` grows on line {{line}}, in {{where}}, and {{removal}}; {{lifetime}}, so it grows for as long as the process runs. Bound it (an LRU or TTL cache, a size cap) or sweep it.',
  unboundedClosureCache:
    '`{{name}}` ({{collection}}) is kept by {{keptBy}}; it grows on line {{line}}, in {{where}}, and {{removal}}: it grows for as long as the process runs. Bound it (an LRU or TTL cache, a size cap) or sweep it.',
  unboundedRefCache:
    '`{{name}}` ({{collection}}) is kept in a React ref of `{{owner}}`; it grows on line {{line}}, in {{where}}, and {{removal}}: it grows for as long as the component stays mounted (for a page-long view, the whole session). Keep only the newest entries, or empty it when the component unmounts.',
  unboundedNestedCollection:
    "`{{name}}` {{outer}}, but the collection each entry holds grows on line {{line}} (`{{operation}}`), in {{where}}, and nothing removes from it: while a key stays (a connection open for days, a name for ever), its collection grows without bound. Remove what is done with, or bound it.",
  notClearedByReset:
    '`{{name}}` ({{collection}}) of `{{owner}}` is pruned one key at a time, but `{{method}}()` resets the rest of the instance and leaves it as it is: keys written before a reset are never removed afterwards, and it grows (line {{line}}) with every reset. Clear it in `{{method}}()` too.',
  unboundedMemo:
    '`{{name}}` is memoised by `{{memoiser}}` at module load, so its cache lives as long as the process, and {{why}}. Bound the memoiser (a size limit, or an LRU cache of its own) or key it on a stable value.',
  untrimmedBuffer:
    '`{{name}}` is appended to on line {{line}}, by {{where}}, and never trimmed: it grows for as long as the process runs. Keep only the newest entries.',
};

/**
 * `no-unbounded-cache`. No suggestion: the fix adds a dependency (lru-cache) and rewrites every use,
 * which is the codemod's (`bounded-cache`) job.
 */
export const noUnboundedCache: RuleDescriptor<NoUnboundedCacheMessageId, typeof noUnboundedCacheOptions, BoundedCachePlan> = {
  name: NO_UNBOUNDED_CACHE,
  description: 'Disallow long-lived caches (Map, Set, array, index-signature object) that grow in repeated code and are never bounded',
  recommended: true,
  messages: noUnboundedCacheMessages,
  options: noUnboundedCacheOptions,
  // No growth call or computed write, no finding.
  mayReport: (sourceText) => /memoi[sz]e|\bmem\s*\(|['"]dataloader['"]|\.(set|add|push|unshift)\s*\(|\]\s*[-+*/%&|^?]*=|Object\.assign|\]\s*(\+\+|--)/.test(sourceText),
  detect: detectUnboundedCaches,
};

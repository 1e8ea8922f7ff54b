import type { Analysis } from '../analysis/analysis';
import { isFiniteKeyTypeNode, writtenTypeArguments, type GrowingKind } from '../collections/collection-kind';
import { classifyUse, type CollectionUse } from '../collections/collection-uses';
import { findLongLivedCollections, type LongLivedCollection } from '../collections/long-lived-collections';
import type { OptionValues } from '../descriptors/option-spec';
import type { RuleDescriptor } from '../descriptors/rule-descriptor';
import type { Finding } from '../findings/finding';
import type { BoundedCachePlan } from '../remedies/bounded-cache-plan';
import { selfLimitingGrowth } from '../collections/self-limiting-growth';
import { functionName } from '../ast/function-name';
import { lifetimeExecutionOf, type Execution } from '../lifetime/execution';
import { describeRole } from '../lifetime/execution-role';
import { planBoundedCache } from '../remedies/plan-bounded-cache';

export const NO_UNBOUNDED_CACHE = 'no-unbounded-cache';

const noUnboundedCacheOptions = {
  checkExported: {
    type: 'boolean',
    default: false,
    description: 'Whether to judge exported collections too, as if no other module removed their entries.',
  },
} as const;

type NoUnboundedCacheOptions = OptionValues<typeof noUnboundedCacheOptions>;

type NoUnboundedCacheMessageId = 'unboundedCache' | 'untrimmedBuffer';

type NoUnboundedCacheFinding = Finding<NoUnboundedCacheMessageId, BoundedCachePlan>;

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
  const declared = 'id' in collection.declaration ? collection.declaration.id : collection.declaration.key;
  if (analysis.oracle.hasFiniteKeys(declared) === true) return true;
  if (collection.kind !== 'map' && collection.kind !== 'set') return false;
  return isFiniteKeyTypeNode(writtenTypeArguments(collection.init, collection.annotation)?.[0]);
}

/** Growth in code that runs over and over: the first such site, with how it runs. */
function repeatedGrowth(analysis: Analysis, uses: readonly CollectionUse[]): { use: CollectionUse; execution: Execution }[] {
  return uses
    .filter((use) => use.kind === 'grow' && selfLimitingGrowth(use) === undefined)
    .map((use) => ({ use, execution: lifetimeExecutionOf(use.site, analysis.scopeManager) }))
    .filter(({ execution }) => execution.kind !== 'once');
}

/**
 * `no-unbounded-cache`: a module-level or static Map/Set/array/index-signature object that grows in
 * repeated code and that nothing in the module ever shrinks. The incident: an agent's global
 * `metricCache` map with no eviction, 100 MB to 2 GB in a week, then the OOM killer.
 */
function detectUnboundedCaches(analysis: Analysis, options: NoUnboundedCacheOptions): NoUnboundedCacheFinding[] {
  const findings: NoUnboundedCacheFinding[] = [];
  for (const collection of findLongLivedCollections(analysis)) {
    const uses = collection.references.map((reference) => classifyUse(collection.kind, reference));
    if (uses.some((use) => use.kind === 'shrink')) continue;
    const exported = collection.exportedByDeclaration || uses.some((use) => use.kind === 'export');
    if (exported && !options.checkExported) continue;
    const growth = repeatedGrowth(analysis, uses);
    const first = growth[0];
    if (!first || hasFiniteKeys(analysis, collection)) continue;
    const periodic = collection.kind === 'array' && onATimer(first.execution);
    const node = 'id' in collection.declaration ? collection.declaration.id : collection.declaration.key;
    findings.push({
      ruleId: NO_UNBOUNDED_CACHE,
      messageId: periodic ? 'untrimmedBuffer' : 'unboundedCache',
      node,
      data: {
        name: collection.name,
        collection: DESCRIPTIONS[collection.kind],
        line: String(first.use.site.loc.start.line),
        where: whereItRuns(first.execution),
        operation: first.use.operation,
      },
      remedy: planBoundedCache(analysis, collection, uses, growth.map(({ use }) => use), exported),
    });
  }
  return findings;
}

/** The rule's messages; the codemod's report renders the same text. */
const noUnboundedCacheMessages: Record<NoUnboundedCacheMessageId, string> = {
  unboundedCache:
    '`{{name}}` ({{collection}}) grows on line {{line}}, in {{where}}, and nothing in this module ever removes entries: it grows for as long as the process runs. Bound it (an LRU or TTL cache, a size cap) or sweep it.',
  untrimmedBuffer:
    '`{{name}}` is appended to on line {{line}}, by {{where}}, and never trimmed: it grows for as long as the process runs. Keep only the newest entries.',
};

/**
 * `no-unbounded-cache`. No suggestion: the fix adds a dependency (lru-cache) and rewrites every use,
 * which is the codemod's (`bounded-cache`) job.
 */
export const noUnboundedCache: RuleDescriptor<NoUnboundedCacheMessageId, typeof noUnboundedCacheOptions, BoundedCachePlan> = {
  name: NO_UNBOUNDED_CACHE,
  description: 'Disallow module-level caches (Map, Set, array, index-signature object) that grow in repeated code and are never shrunk',
  recommended: true,
  messages: noUnboundedCacheMessages,
  options: noUnboundedCacheOptions,
  // No growth call or computed write, no finding.
  mayReport: (sourceText) => /\.(set|add|push|unshift)\s*\(|\]\s*[-+*/%&|^?]*=|Object\.assign|\]\s*(\+\+|--)/.test(sourceText),
  detect: detectUnboundedCaches,
};

import type { TSESTree } from '@typescript-eslint/utils';

/**
 * A collection that the class's own reset method leaves out (a hand-written LRU's key index): the
 * class already bounds it by evicting, and the reset is where it loses track of the keys, so the
 * fix is to empty it there too — `this.keyMap.clear()` as the reset's last statement.
 */
export interface ClearInResetPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'left-out-of-reset';
  readonly reset: TSESTree.MethodDefinition;
  /** The statement that empties it, as source text without its semicolon: `this.keyMap.clear()`. */
  readonly emptying: string;
}

/**
 * Bound a long-lived collection: a Map, Set or index-signature object becomes lru-cache's `LRUCache`
 * (records and Sets switch to its Map-like API); an array gets a trim to the newest entries after
 * each growth.
 */
export type BoundedCachePlan = DeleteTombstonesPlan | LruCachePlan | ConstructDeclaredWeakPlan | ClearInResetPlan | BoundedMemoPlan | EvictOldestPlan | DeleteOnTimeoutPlan | TrimOldestPlan | LoaderCacheMapPlan | DeleteOnSettlePlan | DeleteOnClosePlan;

/**
 * An object used as a map whose removal only empties the slot (`listeners[id] = undefined`): the key
 * stays, one per entry ever added (brcast's unsubscribe). The code already says where entries end;
 * the fix makes that a removal — `delete listeners[id]`.
 */
export interface DeleteTombstonesPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'delete-tombstones';
  /** The `x[k] = undefined` / `= null` assignments, each a statement of its own. */
  readonly writes: readonly TSESTree.AssignmentExpression[];
}

/**
 * `contexts: WeakMap<Page, Context> = new Map()`: the declaration already says what bounds it, and the
 * type checker has held every use to a WeakMap's methods, so the fix makes it the collection it is
 * declared as — `new WeakMap()` — and each entry goes with its key.
 */
export interface ConstructDeclaredWeakPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'construct-declared-weak';
  /** The `Map` / `Set` callee of the construction. */
  readonly callee: TSESTree.Identifier;
  readonly weak: 'WeakMap' | 'WeakSet';
}

/**
 * Pending requests keyed by ids made per call, removed when a reply names them but not when their
 * timer gives up: the timer's callback removes the entry first (`this.requests.delete(id)`), so a
 * request that timed out leaves nothing behind. An LRU would drop live requests instead.
 */
export interface DeleteOnTimeoutPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'delete-on-timeout';
  /** The arrow function `setTimeout` runs (an arrow: `this` is the growth site's). */
  readonly timerCallback: TSESTree.ArrowFunctionExpression;
  /** `this._requests.delete(correlationId)`, as source text without a semicolon. */
  readonly deletion: string;
}

/**
 * A Map or Set with a size cap whose cleanup removes only entries older than a window: the code
 * already says how large it may get, so the fix keeps its design and makes the cap hold — after the
 * capped cleanup, the oldest entries (a Map and a Set keep insertion order) go until it is under the
 * cap again.
 */
export interface EvictOldestPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'evict-oldest';
  /** The `if (<receiver>.size >= <cap>) …` statement the eviction follows. */
  readonly guard: TSESTree.IfStatement;
  /** The collection as the guard names it (`this.seen`). */
  readonly receiver: string;
  /** The condition that says it is at or over its cap, as the guard writes it (`this.seen.size >= MAX`). */
  readonly atCap: string;
}

/**
 * A memoiser applied at module load gets an LRU cache of its own: lodash's `memoized.cache = new
 * LRUCache({ max })` after the declaration (its cache is any Map-like object), mem's `cache` option.
 */
export interface BoundedMemoPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'memo';
  readonly bound:
    | { readonly via: 'cache-property'; readonly statement: TSESTree.Node; readonly name: string }
    | { readonly via: 'cache-option'; readonly options: TSESTree.ObjectExpression };
}

export interface LruCachePlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'map' | 'set' | 'record' | 'array';
  /** Map/Set/record: the value that becomes `new LRUCache<K, V>({ max })`. */
  readonly construction: TSESTree.Expression;
  /** Map/Set/record: the written annotation that becomes `LRUCache<K, V>`. */
  readonly annotation: TSESTree.TypeNode | undefined;
  /** `<K, V>` for LRUCache as source text, when the file writes types. */
  readonly typeArguments: string | undefined;
  /** Set/record operations to translate to the LRUCache API (`c[k] = v` → `c.set(k, v)` …). */
  readonly translations: readonly CollectionTranslation[];
  /** Arrays: the growth statements a trim follows. */
  readonly trims: readonly ArrayTrim[];
  /** The file writes TypeScript: record reads keep their type with `!`. */
  readonly typescript: boolean;
  /** Map/Set: what to do instead when the file's JSDoc types rule an LRUCache out (only the edits read them). */
  readonly fallback?: TrimOldestPlan;
}

export type CollectionTranslation =
  | { readonly kind: 'set'; readonly site: TSESTree.Node; readonly receiver: TSESTree.Node; readonly key: TSESTree.Node; readonly value: TSESTree.Node }
  | { readonly kind: 'get' | 'has' | 'delete'; readonly site: TSESTree.Node; readonly receiver: TSESTree.Node; readonly key: TSESTree.Node }
  | { readonly kind: 'size'; readonly site: TSESTree.Node; readonly receiver: TSESTree.Node }
  /** A Set's `.add(k)`: `.set(k, true)`. */
  | { readonly kind: 'add'; readonly site: TSESTree.CallExpression; readonly method: TSESTree.Node; readonly key: TSESTree.Node }
  /**
   * An iteration whose order does not matter (see order-free-iteration): `Object.keys(rooms)` →
   * `[...rooms.keys()]`, a Set's `for (x of seen)` → `[...seen.keys()]` — a copy, so the loop may
   * change the cache while it walks it.
   */
  | { readonly kind: 'iterate'; readonly site: TSESTree.Node; readonly receiver: TSESTree.Node; readonly method: 'keys' | 'values' | 'entries' };

export interface ArrayTrim {
  readonly statement: TSESTree.ExpressionStatement;
  /** The array as the growth statement names it (`samples`, `Metrics.samples`). */
  readonly receiver: string;
  /** `push` appends (newest last); `unshift` prepends (newest first). */
  readonly newest: 'last' | 'first';
}

/**
 * A Map or Set an LRUCache cannot stand in for (see plan-trim-oldest) stays what it is: after each
 * growth, once it holds more than `--max` entries, the oldest goes (`seen.delete(seen.values().next().value!)`).
 */
export interface TrimOldestPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'trim-oldest';
  readonly trims: readonly OldestTrim[];
  /** The file writes TypeScript: the first key, `K | undefined` to the checker, gets `!`. */
  readonly typescript: boolean;
}

export interface OldestTrim {
  /** The `.set(…)`/`.add(…)` statement the trim follows. */
  readonly statement: TSESTree.ExpressionStatement;
  /** The collection as the growth names it (`seenEventIdsRef.current`). */
  readonly receiver: string;
  /** How its first (oldest) key is read: a Map's `keys()`, a Set's `values()`. */
  readonly firstKey: 'keys' | 'values';
}

/**
 * A DataLoader kept for as long as the process gets a bounded cache of its own: a `cacheMap` option
 * (see plan-loader-cache-map), next to the options it has, or as a new options argument after `after`.
 */
export interface LoaderCacheMapPlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'loader';
  readonly options: TSESTree.ObjectExpression | { readonly after: TSESTree.Node };
  /** `<K, Promise<V>>` for LRUCache as source text, when the file writes types. */
  readonly typeArguments: string | undefined;
}

/**
 * Pending requests whose timeout deletes the entry but whose answer only cancels that timeout: the
 * same deletion follows each `clearTimeout(timer)` statement (see plan-delete-on-settle).
 */
export interface DeleteOnSettlePlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'delete-on-settle';
  /**
   * Each `clearTimeout(…);` statement (or `entry.resolve(…);` where the entry is settled and not
   * deleted: see plan-delete-where-settled), and the deletion that follows it as source text without
   * a semicolon: the timeout's own (`delete client._requests[req.id]`), or under the key the entry was
   * looked up by there (`this.pending.delete(id)`).
   */
  readonly removals: readonly { readonly after: TSESTree.ExpressionStatement; readonly deletion: string }[];
}

/**
 * Connections kept until they close (see plan-delete-on-close): each growth's entry is removed where
 * its connection ends — at the top of the end listener the code has, or in a new one after the growth.
 */
export interface DeleteOnClosePlan {
  readonly kind: 'bounded-cache';
  readonly collection: 'delete-on-close';
  readonly removals: readonly CloseRemoval[];
}

export type CloseRemoval =
  /** `ws.on('close', () => …)` already there: the removal becomes its first statements. */
  | { readonly kind: 'in-listener'; readonly listener: TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression; readonly statements: readonly string[] }
  /** A handler's connection: `socket.once('close', () => …)` after the growth statement. */
  | { readonly kind: 'new-listener'; readonly after: TSESTree.ExpressionStatement; readonly target: string; readonly event: string; readonly statements: readonly string[] };

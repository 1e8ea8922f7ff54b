import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { isLoop } from '../ast/loops';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import { sameExpression } from './self-limiting-growth';
import { ageOnlySweepUnderCap } from './age-only-cap';
import { removedOnlyWhenAnswered } from './answered-entries';
import { answeredButPeersLeave } from './peer-end-deletes';
import { deletedOnlyByCancelledTimer } from './cancelled-timer-deletes';
import { deletesOnlyOnFailure } from './failure-only-deletes';
import { deletedOnlyOnPeerGoodbye, deletedOnlyWhenClientEndsSession } from './client-ended-sessions';
import { keyIsLoopInvariant } from './loop-invariant-keys';
import { clearsOnlyAtTeardown } from './teardown-clears';
import { passThroughDelete } from './caller-named-deletes';
import { growthWithoutRegisteredEnd } from './registered-end-deletes';
import type { KeyOrigins } from './key-origin';
import { settledWithoutDelete } from './settled-undeleted';
import { deletedOnlyOnClientRequest } from './client-requested-deletes';

/** Shrinks that remove one named key: `map.delete(key)`, `delete record[key]`. */
export const KEYED_DELETES: ReadonlySet<string> = new Set(['delete', 'index-delete']);
/** Names that read a clock or an expiry: a delete under such a test drops an entry because it expired. */
const TIME_NAME = /^(now|expire[sd]?|expires(At|In)?|expiry|expiration|ttl|isExpired|isStale|stale|timestamp|lastSeen|resetAt|age)$/i;

/** The statement `node` is in, directly in a block (its branch-free position in the function). */
function statementInList(node: Node): { statement: Node; list: readonly Node[] } | undefined {
  for (let current: Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (isFunction(parent)) return undefined;
    if (parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.Program) return { statement: current, list: parent.body };
    // A delete in a branch does not run before every growth after it.
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.LogicalExpression) return undefined;
  }
  return undefined;
}

/**
 * `bannedIps.delete(ip); … bannedIps.set(ip, now)`: a delete that runs before a growth of the same key
 * on every path through the function only makes room for that key again; keys that never come back stay.
 */
function makesRoomForTheSameKey(shrink: CollectionUse, growth: readonly CollectionUse[]): boolean {
  const placed = statementInList(shrink.site);
  if (!placed || !shrink.key) return false;
  const index = placed.list.indexOf(placed.statement);
  return growth.some(
    (grow) =>
      grow.key !== undefined &&
      enclosingFunction(grow.site) === enclosingFunction(shrink.site) &&
      sameExpression(grow.key, shrink.key!) &&
      placed.list.slice(index + 1).some((later) => isInside(grow.site, later)),
  );
}

const EXITS = new Set<string>([AST_NODE_TYPES.ReturnStatement, AST_NODE_TYPES.ThrowStatement, AST_NODE_TYPES.BreakStatement, AST_NODE_TYPES.ContinueStatement]);

/**
 * `if (cache.size > 10_000) logger.warn('cache is large')`: a size check that neither evicts, nor
 * stops the growth, nor guards it watches the size without bounding it. Only this plain shape is
 * judged; a size check anywhere else (a loop test, a flag, a condition around the growth) bounds.
 */
function onlyWatchesTheSize(guard: CollectionUse, uses: readonly CollectionUse[]): boolean {
  let comparison: Node = guard.site;
  while (comparison.parent && comparison.parent.type !== AST_NODE_TYPES.IfStatement) {
    const parent: Node = comparison.parent;
    if (parent.type !== AST_NODE_TYPES.BinaryExpression && parent.type !== AST_NODE_TYPES.MemberExpression && parent.type !== AST_NODE_TYPES.CallExpression && parent.type !== AST_NODE_TYPES.LogicalExpression) return false;
    comparison = parent;
  }
  const statement = comparison.parent;
  if (statement?.type !== AST_NODE_TYPES.IfStatement || statement.test !== comparison) return false;
  if (uses.some((use) => use !== guard && (use.kind === 'grow' || use.kind === 'shrink') && isInside(use.site, statement))) return false;
  let exits = false;
  walk(statement.consequent, (node) => {
    if (isFunction(node)) return false;
    if (EXITS.has(node.type)) exits = true;
    return exits ? false : undefined;
  });
  return !exits;
}

/**
 * A delete in a loop or a `forEach` callback walks the entries: a sweep. Not when every loop around it
 * deletes the same key on each iteration (see `keyIsLoopInvariant`).
 */
function inASweep(shrink: CollectionUse, uses: readonly CollectionUse[]): boolean {
  const references = uses.map((use) => use.reference);
  for (let current = shrink.site.parent; current; current = current.parent) {
    if (isLoop(current) && !(shrink.key && keyIsLoopInvariant(shrink.key, current, references))) return true;
    if (isFunction(current)) {
      const call = current.parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(call.callee) === 'forEach';
    }
  }
  return false;
}

function readsTime(test: Node): boolean {
  let found = false;
  walk(test, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.Identifier && TIME_NAME.test(node.name)) found = true;
    if (node.type === AST_NODE_TYPES.MemberExpression && TIME_NAME.test(staticPropertyName(node) ?? '')) found = true;
    if (node.type === AST_NODE_TYPES.NewExpression && unwrapExpression(node.callee).type === AST_NODE_TYPES.Identifier && (node.callee as TSESTree.Identifier).name === 'Date') found = true;
    return found ? false : undefined;
  });
  return found;
}

/** `return x;`, `throw e;`, or a block that ends in one: control does not go on past it. */
function leaves(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  return statement.type === AST_NODE_TYPES.BlockStatement && statement.body.length > 0 && leaves(statement.body[statement.body.length - 1]);
}

/**
 * `if (Date.now() - hit.storedAt < ttl) return hit.body; delete cache[key];`: an earlier statement of
 * the same block leaves when the clock test passes, so what follows runs only when it failed.
 */
function afterATimeExit(child: Node, block: Node): boolean {
  if (block.type !== AST_NODE_TYPES.BlockStatement) return false;
  const index = block.body.indexOf(child as (typeof block.body)[number]);
  return block.body.slice(0, Math.max(index, 0)).some((earlier) => earlier.type === AST_NODE_TYPES.IfStatement && !earlier.alternate && readsTime(earlier.test) && leaves(earlier.consequent));
}

/** Whether the code around `site` (up to its function) runs only when a clock or an expiry test passes (or, after a fresh hit left, failed). */
function guardedByTime(site: Node): boolean {
  const fn = enclosingFunction(site);
  for (let child: Node = site, current = site.parent; current && current !== fn; child = current, current = current.parent) {
    if ((current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression) && readsTime(current.test)) return true;
    if (afterATimeExit(child, current)) return true;
  }
  return false;
}

/**
 * `const hit = cache.get(key); if (hit && hit.expires < Date.now()) cache.delete(key)`: an entry is
 * dropped when it is read after it expired — keys nobody asks for again stay for ever.
 */
function deletesOnlyExpiredReads(shrink: CollectionUse, uses: readonly CollectionUse[]): boolean {
  const fn = enclosingFunction(shrink.site);
  if (!fn || !shrink.key || !guardedByTime(shrink.site)) return false;
  return uses.some(
    (use) =>
      use !== shrink &&
      (use.kind === 'read' || use.kind === 'has') &&
      use.key !== undefined &&
      enclosingFunction(use.site) === fn &&
      sameExpression(use.key, shrink.key!),
  );
}

/**
 * Shrinks that drop entries because they aged (an expired read, an age-only sweep): the collection is
 * written as a cache whose keys come and go, not as a registry of known names.
 */
export function expiresEntries(uses: readonly CollectionUse[]): boolean {
  return uses.some((use) => use.kind === 'shrink' && KEYED_DELETES.has(use.operation) && guardedByTime(use.site));
}

/**
 * What a shrink does to the number of entries: `bounds` (a `clear()`, a trim, a size check, a
 * reassignment, a sweep, a delete of a key), or why it bounds nothing (issue 10, item 5): a size check
 * that only watches, a delete that only makes room for the same key again, only drops an entry read
 * after it expired, only removes entries someone answers (keys made per call, deleted under keys
 * handed back), only removes entries in a timeout the answer cancels, an age-only sweep that runs
 * only at a size cap, or only removes entries whose work failed, or only removes a session its client
 * ends explicitly (MCP's `onsessionclosed`, or an HTTP request that names an id a handler made:
 * `POST /logout`) or only when a peer's message says goodbye
 * (`params.event === 'stopped'`), or deletes the key a caller names
 * in a store that otherwise expires entries only on reads, or only removes entries a peer answers
 * while peers can leave unanswered. The keys that never return, are never answered, are all young,
 * whose work succeeds or that nobody names stay for ever.
 */
export type ShrinkVerdict =
  | 'bounds'
  | 'only-watches-size'
  | 'same-key-again'
  | 'expired-read'
  | 'caller-named'
  | 'caller-named-request-keys'
  | 'answered-only'
  | 'peer-left'
  | 'cancelled-timer'
  | 'age-only-cap'
  | 'failure-only'
  | 'client-ended-session'
  | 'client-request-only'
  | 'peer-goodbye'
  | 'settled-elsewhere'
  | 'teardown-clear'
  | 'end-registered-by-some';

/**
 * Deletes that end some entries and not others: on failure only, on an expired read only, when a
 * caller names the key in a store that expires entries only on reads, on the answer only, in a timeout the answer cancels, in an age-only cleanup under a cap,
 * when a peer says goodbye. Not the delete
 * that makes room for the same key again (`delete(k); set(k, v)` reorders an LRU, it ends nothing).
 */
const PARTIAL_ENDS: ReadonlySet<ShrinkVerdict> = new Set<ShrinkVerdict>([
  'expired-read',
  'caller-named',
  'failure-only',
  'answered-only',
  'peer-left',
  'cancelled-timer',
  'age-only-cap',
  'client-ended-session',
  'client-request-only',
  'peer-goodbye',
  'settled-elsewhere',
  'end-registered-by-some',
]);

/** A verdict of a delete that ends some entries and leaves others (see PARTIAL_ENDS). */
export function isPartialEnd(verdict: ShrinkVerdict): boolean {
  return PARTIAL_ENDS.has(verdict);
}

export function shrinkVerdict(shrink: CollectionUse, uses: readonly CollectionUse[], keyOrigins?: KeyOrigins): ShrinkVerdict {
  if (shrink.operation === 'size-guard') return onlyWatchesTheSize(shrink, uses) ? 'only-watches-size' : 'bounds';
  // A `clear()` when the holder goes away, beside deletes that end only some entries: those
  // deletes decide (`stop() { this.pending.clear() }` after a timeout that leaves its entry).
  if (clearsOnlyAtTeardown(shrink) && uses.some((other) => other.kind === 'shrink' && KEYED_DELETES.has(other.operation) && isPartialEnd(shrinkVerdict(other, uses, keyOrigins)))) return 'teardown-clear';
  if (!KEYED_DELETES.has(shrink.operation)) return 'bounds';
  if (inASweep(shrink, uses)) return ageOnlySweepUnderCap(shrink, uses, guardedByTime) ? 'age-only-cap' : 'bounds';
  const growth = uses.filter((use) => use.kind === 'grow');
  if (makesRoomForTheSameKey(shrink, growth)) return 'same-key-again';
  if (deletesOnlyExpiredReads(shrink, uses)) return 'expired-read';
  if (keyOrigins && deletedOnlyByCancelledTimer(shrink, uses, keyOrigins)) return 'cancelled-timer';
  if (deletesOnlyOnFailure(shrink.site)) return 'failure-only';
  if (deletedOnlyWhenClientEndsSession(shrink.site)) return 'client-ended-session';
  if (deletedOnlyOnPeerGoodbye(shrink.site)) return 'peer-goodbye';
  const passThrough = passThroughDelete(shrink, uses, guardedByTime);
  if (passThrough === 'expiry') return 'expired-read';
  if (passThrough === 'caller' && expiresOnlyOnRead(shrink, uses)) return 'caller-named';
  if (passThrough === 'caller' && keyOrigins && shrink.key && keyOrigins.of(shrink.key) !== 'input' && growsOnlyWithRequestKeys(growth, keyOrigins)) return 'caller-named-request-keys';
  if (keyOrigins && removedOnlyWhenAnswered(shrink, uses, keyOrigins)) return 'answered-only';
  if (settledWithoutDelete(uses)) return 'settled-elsewhere';
  if (growthWithoutRegisteredEnd(shrink, uses)) return 'end-registered-by-some';
  if (keyOrigins && answeredButPeersLeave(shrink, uses, keyOrigins)) return 'peer-left';
  return keyOrigins && deletedOnlyOnClientRequest(shrink, uses, keyOrigins) ? 'client-request-only' : 'bounds';
}

/**
 * `get(key) { … if (expired(record)) records.delete(key) … }` and `delete(key) { records.delete(key) }`:
 * another keyed delete of the collection drops entries only when they are read again after they
 * expired. The store's own account of an entry's end is its expiry, checked on reads; a delete its
 * callers ask for by name (an idempotency key nobody sends twice, a session nobody logs out of) ends
 * only the entries someone names.
 */
function expiresOnlyOnRead(shrink: CollectionUse, uses: readonly CollectionUse[]): boolean {
  return uses.some(
    (other) =>
      other !== shrink &&
      other.kind === 'shrink' &&
      KEYED_DELETES.has(other.operation) &&
      !inASweep(other, uses) &&
      (deletesOnlyExpiredReads(other, uses) || passThroughDelete(other, uses, guardedByTime) === 'expiry'),
  );
}

/**
 * `redirects[req.originalUrl] = …` filled per request, and `removeCache(url) { delete redirects[url] }`
 * the only delete, a function of the module's API nothing in the file calls: the keys come from the
 * requests the code serves, not from its callers, so no caller holds the list of keys to name. Only
 * the entries someone asks to remove go; every other URL ever seen stays (route-cache's redirects).
 */
function growsOnlyWithRequestKeys(growth: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  return growth.length > 0 && growth.every((use) => use.key !== undefined && keyOrigins.of(use.key) === 'input');
}

/** Whether a shrink bounds the collection (see `shrinkVerdict`). */
export function boundsTheCollection(shrink: CollectionUse, uses: readonly CollectionUse[], keyOrigins?: KeyOrigins): boolean {
  return shrinkVerdict(shrink, uses, keyOrigins) === 'bounds';
}

import { expiresEntries, KEYED_DELETES, shrinkVerdict, type ShrinkVerdict } from './bounding-shrinks';
import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';

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
  'peer-goodbye',
]);

/**
 * Whether the code treats the collection's entries as transient: it removes entries when they expire,
 * fail or are answered, only not on every way an entry's life ends. Such a collection is a cache or a
 * table of work in flight by its own account, not a registry of names, and its holder is written to
 * outlive its entries: the keys its callers pass (`ensureLease(tenantId, sessionId)`) are judged
 * whatever the file shows of the holder's lifetime. A registry keyed by names is not written with an
 * expiry or a delete on failure.
 */
export function treatsEntriesAsTransient(uses: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  if (expiresEntries(uses)) return true;
  return uses.some((use) => use.kind === 'shrink' && KEYED_DELETES.has(use.operation) && PARTIAL_ENDS.has(shrinkVerdict(use, uses, keyOrigins)));
}

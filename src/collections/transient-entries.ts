import { expiresEntries, isPartialEnd, KEYED_DELETES, shrinkVerdict } from './bounding-shrinks';
import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';

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
  return uses.some((use) => use.kind === 'shrink' && KEYED_DELETES.has(use.operation) && isPartialEnd(shrinkVerdict(use, uses, keyOrigins)));
}

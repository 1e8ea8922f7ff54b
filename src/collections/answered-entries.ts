import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';

/**
 * `const id = String(this.sequence++); this.pending.set(id, { resolve, reject, timer })`, removed by
 * `this.pending.delete(reply.correlationId)` when a reply comes: every entry is keyed by an id made per
 * call, and the only delete names a key someone else hands back (a reply, an editor's answer, a
 * caller). An entry nobody answers — the request that timed out, the change the user never
 * reviewed — is never named again, so it stays. Deleting under the id the code made itself (in the
 * timeout, a `finally`, a settle callback) is an exit of every entry and bounds; so does a sweep or a
 * `clear()`, which this model does not judge.
 */
export function removedOnlyWhenAnswered(keyedDelete: CollectionUse, uses: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  const growth = uses.filter((use) => use.kind === 'grow');
  if (growth.length === 0 || !growth.every((use) => use.key !== undefined && keyOrigins.of(use.key) === 'generated')) return false;
  return keyOrigins.of(keyedDelete.key) !== 'generated';
}

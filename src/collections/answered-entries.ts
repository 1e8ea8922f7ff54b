import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';

/**
 * `const id = String(this.sequence++); const timer = setTimeout(() => reject(…), ms);
 * this.pending.set(id, { resolve, timer })`, removed by `this.pending.delete(reply.correlationId)`
 * when a reply comes: a delete on only one of the entry's completion paths. Every entry is keyed by an
 * id made per call, the code arms a second way for it to end (the timeout), and the only delete names
 * a key someone else hands back. A request that timed out is never named again, so it stays. Deleting
 * under the id the code made itself (in the timeout, a `finally`, a settle callback) is an exit of
 * every entry and bounds; so does a sweep or a `clear()`. Without a timer the reply is the entry's
 * only end (a protocol that always answers), and deleting on it is complete.
 */
export function removedOnlyWhenAnswered(keyedDelete: CollectionUse, uses: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  const growth = uses.filter((use) => use.kind === 'grow');
  if (growth.length === 0 || !growth.every((use) => use.key !== undefined && keyOrigins.of(use.key) === 'generated')) return false;
  if (!growth.some((use) => armsATimer(use.site))) return false;
  return keyOrigins.of(keyedDelete.key) !== 'generated';
}

/** `setTimeout(…)` in the functions around the growth (a method and the promise executor in it). */
export function armsATimer(site: Node): boolean {
  let found = false;
  for (let fn = enclosingFunction(site), depth = 0; fn && depth < 2 && !found; fn = enclosingFunction(fn), depth++) {
    walk(fn.body, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'setTimeout') found = true;
      return found ? false : undefined;
    });
  }
  return found;
}

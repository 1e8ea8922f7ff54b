import { enclosingFunction } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { executionOf } from '../lifetime/execution';
import { armsATimer } from './answered-entries';
import type { CollectionUse } from './collection-uses';
import type { KeyOrigins } from './key-origin';

/** Whether `site` runs in an HTTP request handler (a route, a `createServer` callback, a framework's handler). */
function inRequestHandler(site: Node): boolean {
  const execution = executionOf(site);
  return execution.kind === 'hot' && execution.role.kind === 'request-handler';
}

/**
 * `sessions[token] = …` with `token = randomUUID()` in `POST /login`, and `delete sessions[req.body.token]`
 * in `POST /logout`: every entry is keyed by an id a request handler makes (and hands to its client),
 * and the only delete runs when a later request names that id. A client that never comes back to log
 * out, finish the upload or fetch the result — a closed tab, a crashed job runner, an abandoned OAuth
 * flow — leaves its entry for ever. The HTTP form of a session its client ends explicitly (MCP's
 * `onsessionclosed`); a pending map of a message protocol, whose peer always answers on the
 * connection it asked on, is another matter (see `answeredButPeersLeave`). A timer or a sweep that
 * also removes entries is a shrink of its own and bounds the collection.
 */
export function deletedOnlyOnClientRequest(keyedDelete: CollectionUse, uses: readonly CollectionUse[], keyOrigins: KeyOrigins): boolean {
  if (!keyedDelete.key || keyOrigins.of(keyedDelete.key) !== 'input' || !inRequestHandler(keyedDelete.site)) return false;
  const growth = uses.filter((use) => use.kind === 'grow');
  const deleting = enclosingFunction(keyedDelete.site);
  return (
    growth.length > 0 &&
    growth.every(
      (use) =>
        use.key !== undefined &&
        keyOrigins.of(use.key) === 'generated' &&
        inRequestHandler(use.site) &&
        enclosingFunction(use.site) !== deleting &&
        !armsATimer(use.site),
    )
  );
}

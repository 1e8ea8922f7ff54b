import { enclosingFunction, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import { connectionEndsOf } from './connection-end';
import { executionOf, type RequestScopeOracle } from './execution';
import { isHandlerRole, type HandlerRole } from './execution-role';

/**
 * The handler with a connection end that `site` runs inside, at any depth (`wss.on('connection', (ws)
 * => { ws.on('message', () => { setInterval(…) }) })`): work started there belongs to that connection,
 * and `require-cleanup-on-disconnect` reports it. One site, one report: `no-leaked-interval` and
 * `no-leaked-listener` leave such sites alone. React effects are not handlers: their cleanup is
 * these rules' business.
 */
export function enclosingConnectionHandler(site: Node, oracle: RequestScopeOracle | undefined): HandlerRole | undefined {
  for (let fn: FunctionNode | undefined = enclosingFunction(site); fn; fn = enclosingFunction(fn)) {
    const role = executionOf(fn.body, oracle).role;
    if (isHandlerRole(role) && connectionEndsOf(role).length > 0) return role;
  }
  return undefined;
}

/**
 * Which sites a judge of long-lived work looks at. One site, one report: `no-leaked-interval` and
 * `no-leaked-listener` judge the work started outside any handler with a connection end
 * (`outside-connections`); `require-cleanup-on-disconnect` runs the same judges over the work
 * started inside one (`connection-scoped`), so the two sets are complements by construction.
 */
export type WorkScope = 'outside-connections' | 'connection-scoped';

/**
 * The handler whose connection bounds the work at `site`, when the site is in `scope`: `null` for a
 * site outside any connection handler judged `outside-connections`; undefined when it is not judged.
 */
export function handlerInScope(site: Node, scope: WorkScope, oracle: RequestScopeOracle | undefined): HandlerRole | null | undefined {
  const handler = enclosingConnectionHandler(site, oracle);
  if (scope === 'connection-scoped') return handler;
  return handler ? undefined : null;
}

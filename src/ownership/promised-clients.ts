import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { deliveredClient, type CallbackContext } from './callback-acquisitions';

/**
 * `return new Promise((resolve, reject) => { MongoClient.connect(url, (error, client) => { if (error)
 * return reject(error); resolve(client); }); })`: a function that delivers a client through the
 * promise's completion callback instead of `return` — the client a callback-form factory hands it,
 * or one it builds itself (`const client = new Client(…); client.connect(() => resolve(client))`).
 * Awaited, each call of the function acquires a new client, as a `return` of it would (grial's
 * MongoDB connector opened a connection pool per call this way). The entry, for `value` (a returned
 * expression); undefined when the promise delivers anything else, or the client is also kept
 * (`cached = client`), which makes the function a lazy singleton.
 */
export function promisedClient(value: Node, context: CallbackContext): ResourceEntry | undefined {
  const created = unwrapExpression(value);
  if (created.type !== AST_NODE_TYPES.NewExpression || created.callee.type !== AST_NODE_TYPES.Identifier || created.callee.name !== 'Promise') return undefined;
  const executor = created.arguments[0];
  if (!executor || !isFunction(executor) || executor.params[0]?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const resolveName = executor.params[0].name;
  const resolve = context.scopeManager.getDeclaredVariables(executor).find((variable) => variable.name === resolveName);
  for (const reference of resolve?.references ?? []) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) continue;
    const delivered = call.arguments[0] && unwrapExpression(call.arguments[0]);
    if (delivered?.type !== AST_NODE_TYPES.Identifier) continue;
    const entry = deliveredClient(delivered, context);
    if (entry) return entry;
  }
  return undefined;
}

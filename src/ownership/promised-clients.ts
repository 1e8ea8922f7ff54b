import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { Registry } from '../registry/registry';
import type { ResourceEntry } from '../registry/resource-entry';
import { callbackAcquisition } from './callback-acquisitions';
import { usedOnlyThroughOwnMethods } from './own-method-uses';

interface PromiseContext {
  readonly ast: TSESTree.Program;
  readonly registry: Registry;
  readonly scopeManager: ScopeManagerLike;
}

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
export function promisedClient(value: Node, context: PromiseContext, acquisition: (node: Node) => ResourceEntry | undefined): ResourceEntry | undefined {
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
    const entry = deliveredClient(delivered, context, acquisition);
    if (entry) return entry;
  }
  return undefined;
}

/** The client `identifier` holds: a callback-form factory's parameter, or a local made by a client acquisition. */
function deliveredClient(identifier: TSESTree.Identifier, context: PromiseContext, acquisition: (node: Node) => ResourceEntry | undefined): ResourceEntry | undefined {
  const variable = findVariable(context.scopeManager, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !definition || !usedOnlyThroughOwnMethods(variable, identifier)) return undefined;
  if (definition.type === 'Parameter') {
    const callback = definition.node;
    const call = callback.parent;
    if (!isFunction(callback) || call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.at(-1) !== callback) return undefined;
    const delivered = callbackAcquisition(call, context);
    return delivered?.parameter === definition.name ? delivered.entry : undefined;
  }
  if (definition.type !== 'Variable' || definition.node.type !== AST_NODE_TYPES.VariableDeclarator || !definition.node.init) return undefined;
  const entry = acquisition(definition.node.init);
  return entry?.kind === 'client' ? entry : undefined;
}

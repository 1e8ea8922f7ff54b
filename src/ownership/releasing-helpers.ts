import type { TSESTree } from '@typescript-eslint/utils';
import { calledLocalFunction } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { ResourceEntry } from '../registry/resource-entry';

/**
 * `return databaseError(req, res, err, connection)`: a helper of this file that releases the
 * parameter it is given (`if (connection) connection.release();`) is where the handle is given back,
 * like a call of the release method itself. Error reporters of callback-style routes are the usual
 * case: every failure path hands the connection to one, and the paths that skip it are the leaks.
 * The helper must call one of the entry's release methods on that parameter in its own body (not in
 * a callback it makes) and do nothing else that could keep it: no return, store or hand-off of it.
 */
export function releasesItsParameter(call: TSESTree.CallExpression, position: number, scopeManager: ScopeManagerLike, entry: ResourceEntry): boolean {
  return parameterRelease(call, position, scopeManager, entry) === 'in-body';
}

/**
 * `closePostgres(query, client, res)` where the helper ends the client in a callback it makes
 * (`query.on('end', () => client.end())`): the client is released when that callback runs, as if this
 * function had closed it in a callback of its own (Metis: a pg client per request, ended from the
 * query's `end` event). Same conditions as releasesItsParameter, the release inside a nested function.
 */
export function releasesItsParameterInCallback(call: TSESTree.CallExpression, position: number, scopeManager: ScopeManagerLike, entry: ResourceEntry): boolean {
  return parameterRelease(call, position, scopeManager, entry) === 'in-callback';
}

/** Where the helper `call` runs releases its parameter at `position`: in its own body, only in a callback, or not at all. */
function parameterRelease(call: TSESTree.CallExpression, position: number, scopeManager: ScopeManagerLike, entry: ResourceEntry): 'in-body' | 'in-callback' | undefined {
  if (position < 0) return undefined;
  const helper = calledLocalFunction(call, scopeManager);
  const parameter = helper?.params[position];
  if (!helper || parameter?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = scopeManager.getDeclaredVariables(helper).find((candidate) => candidate.name === parameter.name);
  if (!variable) return undefined;
  const releaseMethods = new Set(entry.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  let inBody = false;
  let inCallback = false;
  for (const reference of variable.references) {
    if (reference.identifier === parameter) continue;
    if (reference.isWrite()) return undefined;
    const value = outermostWrapper(reference.identifier);
    const parent = value.parent;
    // `if (connection)`, `connection && …`: a presence check.
    if (parent?.type === AST_NODE_TYPES.IfStatement || parent?.type === AST_NODE_TYPES.LogicalExpression || parent?.type === AST_NODE_TYPES.UnaryExpression) continue;
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== value) return undefined;
    const call = outermostWrapper(parent).parent;
    const method = staticPropertyName(parent);
    // `if (source.isInitialized)`: reading a property of the handle hands nothing over.
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== outermostWrapper(parent)) {
      if (method !== undefined) continue;
      return undefined;
    }
    if (method === undefined) return undefined;
    if (!releaseMethods.has(method)) continue;
    if (enclosingFunction(call) === helper) inBody = true;
    else inCallback = true;
  }
  if (inBody) return 'in-body';
  return inCallback ? 'in-callback' : undefined;
}

import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { calledLocalFunction } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type VariableLike } from '../ast/scopes';
import { callsOfFile } from '../lifetime/site-execution';
import type { ResourceEntry } from '../registry/resource-entry';
import { releasesItsParameter } from './releasing-helpers';

/**
 * A helper of this file that its callers hand a handle to for good (`await finish(conn)` where
 * `finish` commits and calls `conn.release()`): the callers count that call as their release (see
 * releasing-helpers), so from the call on the helper owns the handle, and its own paths must release
 * it, exceptions included. `async function finish(conn) { await conn.query('COMMIT'); conn.release(); }`
 * leaves the connection checked out whenever the commit fails, and no caller can see it.
 */
export interface ReleasedParameter {
  readonly helper: FunctionNode;
  readonly parameter: TSESTree.Identifier;
  readonly variable: VariableLike;
  /** The entry of what the callers hand it: the helper's release is judged against it. */
  readonly entry: ResourceEntry;
}

/** Every helper parameter that some call of this file hands a handle it acquired itself, to be released there. */
export function releasedParameters(analysis: Analysis): ReleasedParameter[] {
  const found = new Map<TSESTree.Identifier, ReleasedParameter>();
  for (const call of callsOfFile(analysis.ast)) {
    const helper = calledLocalFunction(call, analysis.scopeManager);
    if (!helper) continue;
    call.arguments.forEach((argument, position) => {
      const parameter = helper.params[position];
      if (parameter?.type !== AST_NODE_TYPES.Identifier || found.has(parameter)) return;
      const entry = handedHandle(analysis, argument);
      if (!entry || !releasesItsParameter(call, position, analysis.scopeManager, entry)) return;
      const variable = analysis.scopeManager.getDeclaredVariables(helper).find((candidate) => candidate.name === parameter.name);
      if (variable) found.set(parameter, { helper, parameter, variable, entry });
    });
  }
  return [...found.values()];
}

/** `conn` where `const conn = await pool.getConnection()`: the handle entry of what the argument holds. */
function handedHandle(analysis: Analysis, argument: TSESTree.CallExpressionArgument): ResourceEntry | undefined {
  const value = unwrapExpression(argument);
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(analysis.scopeManager, value)?.defs[0]?.node;
  if (definition?.type !== AST_NODE_TYPES.VariableDeclarator || definition.id.type !== AST_NODE_TYPES.Identifier || !definition.init) return undefined;
  const entry = analysis.oracle.acquisition(definition.init);
  return entry?.kind === 'handle' && !entry.endsOnItsOwn ? entry : undefined;
}

import { AST_NODE_TYPES } from '../ast/node-types';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { executionOf, localFunctionVariable, type RequestScopeOracle } from './execution';

const MAX_CALLER_DEPTH = 3;

/**
 * Whether the code at `site` runs at most once in the life of the process: at module load or in
 * start-up code (`main()`), or in a function of this file whose every call is such code — never
 * through a loop (`while (true) await processBatch()` in `main()` runs it again and again), a
 * listener, a timer or a handler, and not when the function is exported (callers elsewhere).
 * Stricter than `lifetimeExecutionOf`, which counts a start-up loop as run once overall: right for
 * a registry a loop fills at start-up, wrong for a handle each turn opens.
 */
export function runsOncePerProcess(site: Node, scopeManager: ScopeManagerLike, oracle?: RequestScopeOracle, depth = 0): boolean {
  const execution = executionOf(site, oracle);
  if (execution.kind === 'once') return execution.role.kind !== 'start-up-loop';
  if (execution.kind === 'hot' || depth >= MAX_CALLER_DEPTH) return false;
  const variable = localFunctionVariable(execution.function, scopeManager);
  const references = variable?.references.filter((reference) => !reference.init) ?? [];
  if (references.length === 0) return false;
  return references.every((reference) => {
    const call = reference.identifier.parent;
    return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference.identifier && runsOncePerProcess(call, scopeManager, oracle, depth + 1);
  });
}

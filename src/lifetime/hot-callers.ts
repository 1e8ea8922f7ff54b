import type { TSESTree } from '@typescript-eslint/utils';
import { callSitesOf } from '../ast/local-functions';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { executionOf, type Execution, type RequestScopeOracle } from './execution';

/** Handler → helper → factory → client: deeper chains in one module are not a pattern we follow. */
const MAX_HELPER_DEPTH = 3;

/** A hot path that reaches a function through calls in this module, and the call chain from it. */
export interface HotCaller {
  /** The hot path itself: a handler, listener, consumer callback, loop body. */
  readonly execution: Extract<Execution, { kind: 'hot' }>;
  /** The call in that hot path that starts the chain. */
  readonly call: TSESTree.CallExpression;
  /** The helpers between the hot path and the function, outermost first (empty when called directly). */
  readonly through: readonly FunctionNode[];
}

/**
 * A function that the same module calls from a hot path, directly or through other functions of the
 * module: `bot.on('message', …)` → `addReminder()` → `new MongoClient()`. The function runs as often
 * as that hot path, whatever its own shape says. `calls` are the file's calls (see local-functions
 * for how a call is matched to its function).
 */
export function hotCallerOf(
  fn: FunctionNode,
  calls: readonly TSESTree.CallExpression[],
  scopeManager: ScopeManagerLike,
  oracle?: RequestScopeOracle,
): HotCaller | undefined {
  return search(fn, calls, scopeManager, oracle, [], new Set());
}

function search(
  fn: FunctionNode,
  calls: readonly TSESTree.CallExpression[],
  scopeManager: ScopeManagerLike,
  oracle: RequestScopeOracle | undefined,
  through: readonly FunctionNode[],
  visited: Set<Node>,
): HotCaller | undefined {
  if (visited.has(fn) || through.length >= MAX_HELPER_DEPTH) return undefined;
  visited.add(fn);
  const sites = callSitesOf(fn, scopeManager, calls);
  const callers: FunctionNode[] = [];
  for (const call of sites) {
    const execution = executionOf(call, oracle);
    if (execution.kind === 'hot' && isRetryProbe(call, execution)) continue;
    if (execution.kind === 'hot') return { execution, call, through };
    if (execution.kind === 'repeated') callers.push(execution.function);
  }
  for (const caller of callers) {
    const found = search(caller, calls, scopeManager, oracle, [caller, ...through], visited);
    if (found) return found;
  }
  return undefined;
}

/**
 * `for (…) { if (await isReady(url)) return true; await sleep(…) }`: a loop that polls a probe until it
 * succeeds and then leaves. It runs as long as the service is down, not per unit of work, and each
 * attempt must connect anew: not connection churn.
 */
function isRetryProbe(call: TSESTree.CallExpression, execution: Extract<Execution, { kind: 'hot' }>): boolean {
  if (execution.role.kind !== 'loop-body') return false;
  let value: Node = outermostWrapper(call);
  if (value.parent?.type === AST_NODE_TYPES.AwaitExpression) value = outermostWrapper(value.parent);
  if (value.parent?.type === AST_NODE_TYPES.UnaryExpression && value.parent.operator === '!') value = outermostWrapper(value.parent);
  const test = value.parent;
  if (test?.type !== AST_NODE_TYPES.IfStatement || test.test !== value) return false;
  return [test.consequent, test.alternate].some((branch) => branch !== null && branch !== undefined && leavesLoop(branch));
}

/** `return …`, `break`, or a block that ends with one. */
function leavesLoop(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.BreakStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body[statement.body.length - 1];
  return last !== undefined && leavesLoop(last);
}

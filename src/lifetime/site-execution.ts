import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { functionName } from '../ast/function-name';
import { nodeIndexOf } from '../ast/node-index';
import { lifetimeExecutionOf, type Execution, type RequestScopeOracle } from './execution';
import { describeRole } from './execution-role';

/** How many callbacks deep a site is followed out to the code that schedules it. */
const MAX_CALLBACK_DEPTH = 6;

const SETTLING_METHODS = new Set(['then', 'catch', 'finally']);

/**
 * The callback runs as often as the code that hands it over, not once per event: a `setTimeout` /
 * `setImmediate` callback, a promise continuation (`.then`, `.catch`, `.finally`), a `new Promise`
 * executor. Returns that code's site.
 */
function schedulingSite(execution: Execution): Node | undefined {
  const role = execution.role;
  if (role.kind === 'timer-callback') return role.registration.timer === 'setInterval' ? undefined : role.function.parent;
  if (role.kind !== 'function') return undefined;
  const holder = outermostWrapper(role.function).parent;
  if (holder?.type === AST_NODE_TYPES.NewExpression && unwrapExpression(holder.callee).type === AST_NODE_TYPES.Identifier && (unwrapExpression(holder.callee) as TSESTree.Identifier).name === 'Promise') {
    return holder;
  }
  if (holder?.type === AST_NODE_TYPES.CallExpression && holder.arguments.includes(role.function as TSESTree.CallExpressionArgument)) {
    const callee = unwrapExpression(holder.callee);
    if (callee.type === AST_NODE_TYPES.MemberExpression && SETTLING_METHODS.has(staticPropertyName(callee) ?? '')) return holder;
  }
  return undefined;
}

/**
 * How often the work started at `site` is started over the life of the process: `lifetimeExecutionOf`,
 * followed out of one-shot callbacks (`setTimeout(() => setInterval(…))` at module level starts one
 * interval, as does `main().then(() => …)`).
 */
export function startExecutionOf(site: Node, scopeManager: ScopeManagerLike, oracle: RequestScopeOracle | undefined): Execution {
  let execution = lifetimeExecutionOf(site, scopeManager, 0, oracle);
  for (let depth = 0; depth < MAX_CALLBACK_DEPTH && execution.kind !== 'once'; depth++) {
    const outer = schedulingSite(execution);
    if (!outer) break;
    execution = lifetimeExecutionOf(outer, scopeManager, 0, oracle);
  }
  return execution;
}

/** The file's calls: every call that is not awaited is an acquisition candidate, and awaited ones wrap one. */
export function callsOfFile(ast: TSESTree.Program): TSESTree.CallExpression[] {
  return nodeIndexOf(ast).acquisitionCandidates.flatMap((node) => {
    const call = node.type === AST_NODE_TYPES.AwaitExpression ? node.argument : node;
    return call.type === AST_NODE_TYPES.CallExpression ? [call] : [];
  });
}

/** Where the work starts, in the report's words: the role (`a route handler`), or the function's name. */
export function whereStarted(execution: Execution): string {
  if (execution.kind !== 'repeated') return describeRole(execution.role);
  if (execution.role.kind === 'effect') return describeRole(execution.role);
  const fn = execution.function;
  const holder = fn.parent;
  if (holder?.type === AST_NODE_TYPES.MethodDefinition && holder.kind === 'constructor') return 'a constructor (once per instance)';
  const name = functionName(fn);
  return name ? `\`${name}\`` : 'a function that may run many times';
}


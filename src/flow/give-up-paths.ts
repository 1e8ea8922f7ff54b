import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { timerFunctionOf } from '../lifetime/timer-calls';

/**
 * Giving up on an operation. A timer that settles the promise around an operation (`setTimeout(() =>
 * reject(new Error('timed out')), ms)`) is the caller deciding it will not wait any longer: nothing of
 * the operation itself has ended, so whatever it opened — the request, the socket, the child process —
 * is still open unless that callback ends it (rss-parser's feed request and mml's WebSocket stayed
 * open after their timeouts rejected). Completion paths are different: a response read to its 'end',
 * a process that exited, a socket that errored have ended the resource by themselves.
 */

const TIMER_STARTS: ReadonlySet<string> = new Set(['setTimeout', 'setInterval']);

/** `setTimeout(cb, ms)`, `timers.setTimeout(cb, ms)`: the timer a call starts, with its callback argument. */
function timerStart(call: Node, program: TSESTree.Program, scopeManager: ScopeManagerLike): TSESTree.CallExpression | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const timer = timerFunctionOf(call.callee, program, scopeManager);
  return timer && timer.api !== 'timers/promises' && TIMER_STARTS.has(timer.name) ? call : undefined;
}

/** The function a call argument stands for: inline, or a local `const onTimeout = () => …` / declaration. */
function functionOf(argument: Node, scopeManager: ScopeManagerLike): FunctionNode | undefined {
  if (isFunction(argument)) return argument;
  if (argument.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(scopeManager, argument)?.defs[0];
  const node = definition?.node;
  if (node?.type === AST_NODE_TYPES.FunctionDeclaration) return node;
  if (node?.type === AST_NODE_TYPES.VariableDeclarator && node.init && isFunction(node.init)) return node.init;
  return undefined;
}

/**
 * Whether a settling path gives up: its callback is a timer's (inline or named), or it is a bare
 * settle function handed to a timer (`setTimeout(reject, ms)`).
 */
export function isGivingUp(settle: Node, callback: FunctionNode | undefined, program: TSESTree.Program, scopeManager: ScopeManagerLike): boolean {
  if (!callback) {
    const call = outermostWrapper(settle).parent;
    return call !== undefined && timerStart(call, program, scopeManager) !== undefined && call.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === outermostWrapper(settle);
  }
  const inline = outermostWrapper(callback).parent;
  if (inline && timerStart(inline, program, scopeManager) && (inline as TSESTree.CallExpression).arguments[0] === outermostWrapper(callback)) return true;
  // `const onTimeout = () => reject(…); setTimeout(onTimeout, ms)`
  const declarator = outermostWrapper(callback).parent;
  const name =
    callback.type === AST_NODE_TYPES.FunctionDeclaration
      ? callback.id
      : declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.id.type === AST_NODE_TYPES.Identifier
        ? declarator.id
        : undefined;
  if (!name) return false;
  const variable = findVariable(scopeManager, name);
  return (
    variable?.references.some((reference) => {
      const value = outermostWrapper(reference.identifier);
      const call = value.parent;
      return call !== undefined && timerStart(call, program, scopeManager) !== undefined && (call as TSESTree.CallExpression).arguments[0] === value && functionOf(value, scopeManager) === callback;
    }) ?? false
  );
}

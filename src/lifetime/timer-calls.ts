import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import { stripNodePrefix } from '../registry/specifiers';

/**
 * Which timer function a callee is: the global one (`setInterval`, `window.setInterval`,
 * `globalThis.setTimeout`), node's `timers` module, or `timers/promises` (whose `setInterval` is an
 * async iterator, ended by `break` or a signal). Read from the import bindings and the scopes, the
 * same in typed and untyped mode: a local function named `setInterval` is not the timer.
 */
export interface TimerFunction {
  readonly name: string;
  readonly api: 'global' | 'timers' | 'timers/promises';
}

const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

function isUnboundGlobal(identifier: TSESTree.Identifier, scopeManager: ScopeManagerLike): boolean {
  const variable = findVariable(scopeManager, identifier);
  return !variable || variable.defs.length === 0;
}

export function timerFunctionOf(callee: Node, program: TSESTree.Program, scopeManager: ScopeManagerLike): TimerFunction | undefined {
  const node = unwrapExpression(callee);
  const bindings = moduleBindings(program);
  if (node.type === AST_NODE_TYPES.Identifier && !bindings.has(node.name)) {
    return isUnboundGlobal(node, scopeManager) ? { name: node.name, api: 'global' } : undefined;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
    const object = unwrapExpression(node.object);
    const name = staticPropertyName(node);
    if (name !== undefined && object.type === AST_NODE_TYPES.Identifier && GLOBAL_OBJECTS.has(object.name) && !bindings.has(object.name) && isUnboundGlobal(object, scopeManager)) {
      return { name, api: 'global' };
    }
  }
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const member = resolveModuleMember(node, bindings);
  if (!member) return undefined;
  const module = stripNodePrefix(member.module);
  if (module === 'timers' && member.path.length === 1) return { name: member.path[0], api: 'timers' };
  if (module === 'timers' && member.path.length === 2 && member.path[0] === 'promises') return { name: member.path[1], api: 'timers/promises' };
  if (module === 'timers/promises' && member.path.length === 1) return { name: member.path[0], api: 'timers/promises' };
  return undefined;
}

const CLEARS = new Set(['clearInterval', 'clearTimeout']);

/** `clearInterval(x)`, `timers.clearTimeout(x)`, `window.clearInterval(x)`: the handle it clears. */
export function clearedHandle(call: TSESTree.CallExpression, program: TSESTree.Program, scopeManager: ScopeManagerLike): Node | undefined {
  const argument = call.arguments[0];
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const callee = unwrapExpression(call.callee);
  // Cheap name check first: most calls of a file are not clears.
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  if (name === undefined || !CLEARS.has(name)) return undefined;
  const timer = timerFunctionOf(callee, program, scopeManager);
  return timer && timer.api !== 'timers/promises' && CLEARS.has(timer.name) ? argument : undefined;
}

/** The methods of a node `Timeout` that return it: `setInterval(…).unref()` is still the handle. */
const SELF_RETURNING = new Set(['unref', 'ref']);

/** The expression whose value is the handle a timer start returns, through `.unref()` chains. */
export function timerHandleValue(call: TSESTree.CallExpression): Node {
  let value = outermostWrapper(call);
  for (;;) {
    const member = value.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== value || !SELF_RETURNING.has(staticPropertyName(member) ?? '')) return value;
    const outer = member.parent;
    if (outer?.type !== AST_NODE_TYPES.CallExpression || outer.callee !== member) return value;
    value = outermostWrapper(outer);
  }
}

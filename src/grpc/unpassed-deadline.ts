import type { TSESTree } from '@typescript-eslint/utils';
import { isInside } from '../ast/predicates';
import { scopeOf, type ScopeManagerLike, type VariableLike } from '../ast/scopes';

/**
 * A variable that holds a deadline: `deadline`, `callDeadline`, `requestDeadline`. A name that goes
 * on (`deadlineMs`, `DEADLINE_SECONDS`) holds a duration, not a point in time, and is left alone.
 */
const DEADLINE_NAME = /deadline$/i;

function isDeclaredBefore(variable: VariableLike, call: TSESTree.CallExpression): boolean {
  return variable.defs.some((definition) => (definition.type === 'Parameter' || definition.type === 'Variable') && definition.name.range[0] < call.range[0]);
}

/**
 * A deadline the function making `call` receives or computes and does not pass to it: a parameter
 * or local of an enclosing function (module constants are durations or shared), declared before the
 * call and not mentioned in the call's arguments. The incident's calls had one a layer up that never
 * reached them.
 */
export function unpassedDeadline(call: TSESTree.CallExpression, scopeManager: ScopeManagerLike): VariableLike | undefined {
  for (let scope = scopeOf(scopeManager, call) ?? null; scope && scope.type !== 'module' && scope.type !== 'global'; scope = scope.upper) {
    for (const variable of scope.set.values()) {
      if (!DEADLINE_NAME.test(variable.name) || !isDeclaredBefore(variable, call)) continue;
      const passed = variable.references.some((reference) => call.arguments.some((argument) => isInside(reference.identifier, argument)));
      if (!passed) return variable;
    }
  }
  return undefined;
}

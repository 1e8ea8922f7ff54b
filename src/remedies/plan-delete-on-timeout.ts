import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, outermostWrapper, unwrapExpression, walkSameFunction } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { CollectionUse } from '../collections/collection-uses';
import type { DeleteOnTimeoutPlan } from './bounded-cache-plan';

/**
 * `const timer = setTimeout(() => reject(new Error('timeout')), ms); this.requests.set(id, { timer, … })`:
 * the timeout that gives up on the request is where its entry must go. Planned when the growth's key
 * is a name the timer's callback sees unchanged (a `const` or a parameter of the function that grows
 * it) and the callback is an arrow function made in that same function, so the receiver (`this` …)
 * reads the same inside it. Several timers, or none: no plan.
 */
export function planDeleteOnTimeout(analysis: Analysis, growth: CollectionUse): DeleteOnTimeoutPlan | undefined {
  const key = growth.key && unwrapExpression(growth.key);
  if (key?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const owner = enclosingFunction(growth.site);
  if (!owner) return undefined;
  const variable = findVariable(analysis.scopeManager, key);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  const declaration = definition?.type === 'Variable' ? definition.node.parent : undefined;
  const constant = definition?.type === 'Parameter' || (declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.kind === 'const');
  if (!constant || variable!.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const callbacks: TSESTree.ArrowFunctionExpression[] = [];
  walkSameFunction(owner.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return;
    const callee = unwrapExpression(node.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
    const callback = node.arguments[0] && unwrapExpression(node.arguments[0]);
    if (name === 'setTimeout' && callback?.type === AST_NODE_TYPES.ArrowFunctionExpression) callbacks.push(callback);
  });
  const [timerCallback] = callbacks;
  if (!timerCallback || callbacks.length > 1) return undefined;
  // The key must be visible in the callback: a parameter of an enclosing function, or a `const`
  // declared before it in a block that holds it.
  if (!isInside(timerCallback, definition!.type === 'Parameter' ? definition!.node : (declaration?.parent ?? owner))) return undefined;
  if (declaration && declaration.range[1] > timerCallback.range[0]) return undefined;
  const receiver = outermostWrapper(growth.reference);
  const text = analysis.sourceText;
  return {
    kind: 'bounded-cache',
    collection: 'delete-on-timeout',
    timerCallback,
    deletion: `${text.slice(receiver.range[0], receiver.range[1])}.delete(${key.name})`,
  };
}

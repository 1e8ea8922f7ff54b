import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import { walk } from '../ast/traverse';
import type { GrowingKind } from './collection-kind';
import { classifyUse, type CollectionUse } from './collection-uses';
import type { LongLivedCollection } from './long-lived-collections';

/** The function declared in this file that `call` calls by name, if any. */
function calledFunction(analysis: Analysis, call: TSESTree.CallExpression): TSESTree.FunctionLike | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(analysis.scopeManager, callee)?.defs[0];
  if (!definition) return undefined;
  if (definition.type === 'FunctionName' && isFunction(definition.node)) return definition.node;
  if (definition.type === 'Variable' && definition.node.type === AST_NODE_TYPES.VariableDeclarator && definition.node.init) {
    const init = unwrapExpression(definition.node.init);
    return isFunction(init) ? init : undefined;
  }
  return undefined;
}

/**
 * `evictStale(store, now)`: a collection handed to a function of this file is used there under its
 * parameter's name; what that function does to it (a sweep that deletes) counts as done to the collection.
 */
export function handedOffUses(analysis: Analysis, kind: GrowingKind, uses: readonly CollectionUse[]): CollectionUse[] {
  const found: CollectionUse[] = [];
  for (const use of uses) {
    if (use.kind !== 'escape' || use.site.type !== AST_NODE_TYPES.CallExpression) continue;
    const fn = calledFunction(analysis, use.site);
    const index = use.site.arguments.findIndex((argument) => unwrapExpression(argument) === unwrapExpression(use.reference) || argument === use.reference);
    const parameter = fn?.params[index];
    if (!fn || parameter?.type !== AST_NODE_TYPES.Identifier) continue;
    const variable = analysis.scopeManager.getDeclaredVariables(fn).find((candidate) => candidate.name === parameter.name);
    for (const reference of variable?.references ?? []) found.push(classifyUse(kind, reference.identifier));
  }
  return found;
}

/** `router.toastKeys.clear()`: an instance field's uses through other references to the instance. */
export function usesThroughOtherReferences(analysis: Analysis, collection: LongLivedCollection, fieldName: string): CollectionUse[] {
  const found: CollectionUse[] = [];
  walk(analysis.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type === AST_NODE_TYPES.ThisExpression || staticPropertyName(node) !== fieldName) return;
    if (node.computed) return;
    found.push(classifyUse(collection.kind, node));
  });
  return found;
}

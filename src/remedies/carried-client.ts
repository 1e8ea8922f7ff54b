import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { findVariable, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { ClientSite } from './plan-singleton-client';

/**
 * `return { client, collection: db.collection(name) }` in `factory`, with `const client = new
 * MongoClient(…)` declared there: the client's variable, its declarator and what makes it. The one
 * `return` of the function must carry it under `property` (see wrapping-factories): a second `return`
 * could hand out another client the plan would not share.
 */
export function carriedClientOf(
  analysis: Analysis,
  factory: FunctionNode,
  property: string,
): { variable: VariableLike; declarator: TSESTree.VariableDeclarator; target: TSESTree.Identifier; made: Node } | undefined {
  const returns: TSESTree.ReturnStatement[] = [];
  walkSameFunction(factory.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) returns.push(node);
  });
  const returned = returns.length === 1 && returns[0].argument ? unwrapExpression(returns[0].argument) : undefined;
  if (returned?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const carried = returned.properties.find(
    (candidate): candidate is TSESTree.Property =>
      candidate.type === AST_NODE_TYPES.Property && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === property,
  );
  const value = carried && unwrapExpression(carried.value);
  if (value?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(analysis.scopeManager, value);
  const declarator = variable?.defs.length === 1 ? variable.defs[0].node : undefined;
  if (!variable || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
  return { variable, declarator, target: declarator.id, made: declarator.init };
}

/**
 * `client` in the caller's `const { collection, client } = …` when every read of it is inside one of
 * the removed statements (its closes): the property of the pattern, which then goes too. Not when it
 * is the pattern's only property (`const {} = …` reads worse than an unused name).
 */
export function unusedPickOf(site: ClientSite, removals: readonly Node[]): TSESTree.Property | undefined {
  if (site.binding.kind !== 'variable') return undefined;
  const { variable, target } = site.binding;
  const pick = target.parent;
  if (pick?.type !== AST_NODE_TYPES.Property || pick.parent.type !== AST_NODE_TYPES.ObjectPattern || pick.parent.properties.length < 2) return undefined;
  const inRemoved = (node: Node) => removals.some((removed) => removed.range[0] <= node.range[0] && node.range[1] <= removed.range[1]);
  return variable.references.every((reference) => reference.init || reference.identifier === target || inRemoved(reference.identifier)) ? pick : undefined;
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { findVariable, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

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

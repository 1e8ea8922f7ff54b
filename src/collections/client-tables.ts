import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { unwrapExpression } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { CollectionUse } from './collection-uses';

/** What a growth puts in: `map.set(key, value)`'s value, `record[key] = value`'s right side. */
function grownValue(use: CollectionUse): Node | undefined {
  const site = use.site;
  if (use.operation === 'set' && site.type === AST_NODE_TYPES.CallExpression) return site.arguments[1];
  if (use.operation === 'index-write' && site.type === AST_NODE_TYPES.AssignmentExpression) return site.right;
  return undefined;
}

/** The expressions a value may be: a `const`'s initialiser followed, both arms of `a ? b : c`, the left of `??`/`||`. */
function possibleValues(analysis: Analysis, value: Node, depth = 0): Node[] {
  const node = unwrapExpression(value);
  if (depth > 3) return [node];
  if (node.type === AST_NODE_TYPES.ConditionalExpression) return [...possibleValues(analysis, node.consequent, depth + 1), ...possibleValues(analysis, node.alternate, depth + 1)];
  if (node.type === AST_NODE_TYPES.LogicalExpression) return [...possibleValues(analysis, node.left, depth + 1), ...possibleValues(analysis, node.right, depth + 1)];
  if (node.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(analysis.scopeManager, node);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declarator = definition?.node;
    if (declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init && declarator.parent?.type === AST_NODE_TYPES.VariableDeclaration && declarator.parent.kind === 'const') {
      return possibleValues(analysis, declarator.init, depth + 1);
    }
  }
  return [node];
}

function isNothing(node: Node): boolean {
  return (node.type === AST_NODE_TYPES.Literal && node.value === null) || (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
}

/**
 * `instances.set(shardIndex, new Queue(name, options))`, `clients[url] = createClient({ url })`: every
 * growth stores a connection-owning client (or nothing). A table of clients kept per key is the
 * per-key singleton — what `singleton-client` writes when one shared client cannot serve every
 * caller — and holds one client for each shard, endpoint or configuration its callers use: it grows
 * with how many of those there are, not with traffic. Judged only when its keys are request or
 * message data, or made per call.
 */
export function storesClientsOnly(analysis: Analysis, growth: readonly CollectionUse[]): boolean {
  if (growth.length === 0) return false;
  return growth.every((use) => {
    const value = grownValue(use);
    if (!value) return false;
    const values = possibleValues(analysis, value).filter((candidate) => !isNothing(candidate));
    return values.length > 0 && values.every((candidate) => (analysis.oracle.acquisition(candidate) ?? analysis.oracle.valueResource(candidate))?.kind === 'client');
  });
}

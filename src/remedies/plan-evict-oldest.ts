import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { isFunction, unwrapExpression } from '../ast/predicates';
import { statementListOf } from '../ast/statement-lists';
import type { Node } from '../ast/traverse';
import { shrinkVerdict } from '../collections/bounding-shrinks';
import type { CollectionUse } from '../collections/collection-uses';
import type { Remedy } from '../findings/finding';
import type { BoundedCachePlan } from './bounded-cache-plan';

/**
 * `if (this.seen.size >= MAX) this.cleanup(now)` where the cleanup deletes only entries older than a
 * window (see collections/age-only-cap): an eviction of the oldest entries after that statement makes
 * the cap the code already states hold. Undefined when the collection has no such cap; a refusal when
 * its cap check is not a plain `if` on `<collection>.size` this can follow.
 */
export function planEvictOldest(analysis: Analysis, uses: readonly CollectionUse[]): Remedy<BoundedCachePlan> | undefined {
  if (!uses.some((use) => use.kind === 'shrink' && shrinkVerdict(use, uses) === 'age-only-cap')) return undefined;
  for (const use of uses) {
    if (use.operation !== 'size-guard') continue;
    const guard = guardOf(use.site);
    if (!guard) continue;
    const text = (node: Node) => analysis.sourceText.slice(node.range[0], node.range[1]);
    return { kind: 'bounded-cache', collection: 'evict-oldest', guard: guard.statement, receiver: text(guard.receiver), atCap: text(guard.test) };
  }
  return {
    kind: 'refusal',
    reason: 'its size cap runs a cleanup that only removes old entries, and the cap is not a plain `if (<collection>.size >= <cap>)` statement to evict the oldest after; evict the oldest entries where it checks the cap',
  };
}

/**
 * `if (<receiver>.size >= cap) …` (or `>`, or the mirrored `cap <= <receiver>.size`) standing in a
 * block, with the size check as its whole test: the statement, its test and the collection.
 */
function guardOf(site: Node): { statement: TSESTree.IfStatement; test: TSESTree.BinaryExpression; receiver: Node } | undefined {
  const isSize = (node: Node): node is TSESTree.MemberExpression =>
    node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && node.property.name === 'size';
  let size: Node = site;
  while (!isSize(size) && size.parent && !isFunction(size.parent)) size = size.parent;
  if (!isSize(size)) return undefined;
  const comparison = size.parent;
  if (comparison?.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  const atOrOver = comparison.left === size ? comparison.operator === '>=' || comparison.operator === '>' : comparison.operator === '<=' || comparison.operator === '<';
  const statement = comparison.parent;
  if (!atOrOver || statement?.type !== AST_NODE_TYPES.IfStatement || statement.test !== comparison || statement.alternate || !statementListOf(statement.parent)) return undefined;
  return { statement, test: comparison, receiver: unwrapExpression(size.object) };
}

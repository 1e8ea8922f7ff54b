import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { outermostWrapper, unwrapExpression } from '../ast/predicates';
import { statementListOf } from '../ast/statement-lists';
import { writesTypeScript } from '../ast/typescript-syntax';
import type { Node } from '../ast/traverse';
import type { CollectionUse } from '../collections/collection-uses';
import type { OldestTrim, TrimOldestPlan } from './bounded-cache-plan';
import { quoteUse } from './quote-use';

/** `seen`, `this.cache`, `seenIdsRef.current`: read three times by the trim, the same object each time, for nothing. */
function isPlainReference(node: Node): boolean {
  const plain = unwrapExpression(node);
  if (plain.type === AST_NODE_TYPES.Identifier || plain.type === AST_NODE_TYPES.ThisExpression) return true;
  return plain.type === AST_NODE_TYPES.MemberExpression && !plain.computed && !plain.optional && isPlainReference(plain.object);
}

/**
 * A Map or Set kept as it is, with its oldest entry dropped after each growth once it holds more than
 * the cap: the fix when an LRUCache cannot take its place (it is iterated, and LRUCache iterates
 * most-recently-used first; it is handed on where a Map is wanted; its values admit undefined; it is
 * kept in a React ref, where `useRef(new LRUCache(…))` would build a cache on every render). A Map and
 * a Set iterate in insertion order, so the first key is the oldest. Each growth must be a
 * `<collection>.set(…)`/`.add(…)` statement of its own in a block, on a receiver that reads the same
 * every time; otherwise, why not.
 */
export function planTrimOldest(analysis: Analysis, kind: 'map' | 'set', repeatedGrowth: readonly CollectionUse[]): TrimOldestPlan | string {
  const trims: OldestTrim[] = [];
  const source = analysis.sourceText;
  for (const use of repeatedGrowth) {
    const quoted = quoteUse(analysis, use);
    const call = use.site;
    if (call.type !== AST_NODE_TYPES.CallExpression || (use.operation !== 'set' && use.operation !== 'add')) return `it grows by ${quoted}, not by \`.set\`/\`.add\``;
    const statement = outermostWrapper(call).parent;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !statementListOf(statement.parent)) return `${quoted} is not a statement of its own in a block`;
    const callee = unwrapExpression(call.callee) as TSESTree.MemberExpression;
    if (!isPlainReference(callee.object)) return `${quoted} reaches it through an expression that may change between reads`;
    trims.push({ statement, receiver: source.slice(callee.object.range[0], callee.object.range[1]), firstKey: kind === 'map' ? 'keys' : 'values' });
  }
  if (trims.length === 0) return 'it grows nowhere a trim can follow';
  return { kind: 'bounded-cache', collection: 'trim-oldest', trims, typescript: writesTypeScript(analysis.ast) };
}

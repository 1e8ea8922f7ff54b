import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import type { CollectionUse } from '../collections/collection-uses';

const MAX_EXCERPT = 40;

/**
 * The use, quoted: a reason names code, not a line number, since the marker the codemod inserts
 * (and other fixes) move the lines.
 */
export function quoteUse(analysis: Analysis, use: CollectionUse): string {
  const source = analysis.sourceText;
  // A loop is quoted by its head: `for … of lastSeen`, not its whole body.
  const code =
    use.site.type === AST_NODE_TYPES.ForOfStatement || use.site.type === AST_NODE_TYPES.ForInStatement
      ? `for … ${use.site.type === AST_NODE_TYPES.ForOfStatement ? 'of' : 'in'} ${source.slice(use.site.right.range[0], use.site.right.range[1])}`
      : source.slice(use.site.range[0], use.site.range[1]).replace(/\s+/g, ' ');
  return `\`${code.length > MAX_EXCERPT ? `${code.slice(0, MAX_EXCERPT - 1)}…` : code}\``;
}

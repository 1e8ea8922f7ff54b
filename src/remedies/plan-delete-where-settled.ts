import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper } from '../ast/predicates';
import { statementListOf } from '../ast/statement-lists';
import type { CollectionUse } from '../collections/collection-uses';
import type { SettledUndeleted } from '../collections/settled-undeleted';
import type { Refusal } from '../findings/finding';
import type { DeleteOnSettlePlan } from './bounded-cache-plan';
import { meaningChangesAt } from './same-meaning';

const SETTLED = 'its entries are pending work settled in more than one place';

/**
 * `const resolver = this.pending[req.id]; … resolver.resolve()` in a function that never deletes the
 * entry: the deletion goes right after each settle statement, under the key it was looked up by
 * (`delete this.pending[req.id]`, `this.pending.delete(id)`) — open-rpc's fix. Every settle must be a
 * statement of its own in a block, and the key must name the same entry there; otherwise, why not.
 */
export function planDeleteWhereSettled(analysis: Analysis, settled: SettledUndeleted, grows: readonly CollectionUse[]): DeleteOnSettlePlan | Refusal {
  const refuse = (why: string): Refusal => ({ kind: 'refusal', reason: `${SETTLED}: ${why}; delete the entry wherever it is settled (resolve or reject)` });
  const { read } = settled;
  const key = read.key;
  if (!key) return refuse('its look-up has no plain key');
  const text = (node: { range: [number, number] }) => analysis.sourceText.slice(node.range[0], node.range[1]);
  const receiver = text(outermostWrapper(read.reference));
  const keyText = text(key);
  // The file's own way to write a key into it says whether it is a Map or an object used as one.
  const asMap = read.operation === 'get' || grows.some((use) => use.operation === 'set');
  const deletion = asMap ? `${receiver}.delete(${keyText})` : `delete ${receiver}[${keyText}]`;
  const removals: DeleteOnSettlePlan['removals'][number][] = [];
  for (const settle of settled.settles) {
    const statement = outermostWrapper(settle).parent;
    const code = `\`${text(settle)}\``;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !statementListOf(statement.parent)) return refuse(`${code} is not a statement of its own in a block`);
    const problem = meaningChangesAt(analysis, key, settle, [key]);
    if (problem) return refuse(`\`${keyText}\` would not name the same entry after ${code}: ${problem}`);
    removals.push({ after: statement, deletion });
  }
  return { kind: 'bounded-cache', collection: 'delete-on-settle', removals };
}

import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type VariableLike } from '../ast/scopes';
import { statementListOf } from '../ast/statement-lists';
import type { CollectionUse } from '../collections/collection-uses';
import type { Refusal } from '../findings/finding';
import type { DeleteOnSettlePlan } from './bounded-cache-plan';
import { meaningChangesAt, neverReassigned } from './same-meaning';

const PENDING = 'its entries are pending requests that only their timeout deletes';

/** `const timeout = setTimeout(…)`: the variable the timer is kept in, when it is never reassigned. */
function timerVariable(analysis: Analysis, timerCall: TSESTree.CallExpression): VariableLike | undefined {
  const holder = outermostWrapper(timerCall).parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== outermostWrapper(timerCall) || holder.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(analysis.scopeManager, holder.id);
  return variable && neverReassigned(variable) ? variable : undefined;
}

/** The `clearTimeout(timeout)` calls for that variable: where the request settles some other way. */
function clearsOf(timer: VariableLike): TSESTree.CallExpression[] {
  const clears: TSESTree.CallExpression[] = [];
  for (const reference of timer.references) {
    const argument = outermostWrapper(reference.identifier);
    const call = argument.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== argument) continue;
    const callee = unwrapExpression(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
    if (name === 'clearTimeout') clears.push(call);
  }
  return clears;
}

/**
 * `const timeout = setTimeout(() => { delete pending[id]; reject(…) }, ms); pending[id] = (error, result)
 * => { clearTimeout(timeout); … }`: the answer cancels the timer and leaves the entry. Where the code
 * clears that timer the request has settled, so the timeout's own deletion goes right after each
 * `clearTimeout(timeout)` statement — the same entry, named the same way, which the file's author
 * wrote for the other way a request ends. Planned when every clear is a statement of its own in a
 * block, and every name the deletion reads is the same, never-reassigned variable there (and `this`
 * the same object); otherwise, why not.
 */
export function planDeleteOnSettle(analysis: Analysis, timeoutDelete: CollectionUse): DeleteOnSettlePlan | Refusal {
  const refuse = (why: string): Refusal => ({ kind: 'refusal', reason: `${PENDING}: ${why}; delete the entry where it is answered too` });
  const callback = enclosingFunction(timeoutDelete.site);
  const timerCall = callback?.parent;
  if (!callback || timerCall?.type !== AST_NODE_TYPES.CallExpression) return refuse('its timer is not one this can follow');
  const timer = timerVariable(analysis, timerCall);
  if (!timer) return refuse('the timer is not kept in a variable that is never reassigned');
  const deletion = outermostWrapper(timeoutDelete.site);
  const deletionText = analysis.sourceText.slice(deletion.range[0], deletion.range[1]);
  const clears = clearsOf(timer).filter((clear) => !isInside(clear, callback));
  if (clears.length === 0) return refuse('no `clearTimeout` of its timer shows where it is answered');
  const after: TSESTree.ExpressionStatement[] = [];
  for (const clear of clears) {
    const statement = outermostWrapper(clear).parent;
    const code = `\`${analysis.sourceText.slice(clear.range[0], clear.range[1])}\``;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !statementListOf(statement.parent)) return refuse(`${code} is not a statement of its own in a block`);
    const problem = meaningChangesAt(analysis, deletion, clear, timeoutDelete.key ? [timeoutDelete.key] : []);
    if (problem) return refuse(`\`${deletionText}\` would not name the same entry after ${code}: ${problem}`);
    after.push(statement);
  }
  return { kind: 'bounded-cache', collection: 'delete-on-settle', after, deletion: deletionText };
}

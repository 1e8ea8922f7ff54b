import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type VariableLike } from '../ast/scopes';
import { statementListOf } from '../ast/statement-lists';
import { walk, type Node } from '../ast/traverse';
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

/** `clearTimeout(x)`: the call, when `argument` is its first argument. */
function clearingCall(argument: Node): TSESTree.CallExpression | undefined {
  const outer = outermostWrapper(argument);
  const call = outer.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== outer) return undefined;
  const callee = unwrapExpression(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
  return name === 'clearTimeout' ? call : undefined;
}

/** The `clearTimeout(timeout)` calls for that variable: where the request settles some other way. */
function clearsOf(timer: VariableLike): TSESTree.CallExpression[] {
  return timer.references.flatMap((reference) => clearingCall(reference.identifier as Node) ?? []);
}

/** The `clearTimeout(<entry>.timer)` calls anywhere in the file, for a timer kept as an entry's property. */
function propertyClearsOf(analysis: Analysis, property: string): TSESTree.CallExpression[] {
  const clears: TSESTree.CallExpression[] = [];
  walk(analysis.ast, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(node) !== property) return undefined;
    const call = clearingCall(node);
    if (call) clears.push(call);
    return undefined;
  });
  return clears;
}

/**
 * `pending.get(id)` / `pending[id]` naming the collection as the timeout's deletion does: the entry a
 * `clearTimeout(<entry>.timer)` is about, read through `const entry = …` or in place.
 */
function lookUpOf(analysis: Analysis, entry: Node, receiver: string): { lookUp: Node; key: Node } | undefined {
  let value = unwrapExpression(entry);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(analysis.scopeManager, value);
    const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    const declarator = definition?.type === 'Variable' ? definition.node : undefined;
    if (!variable || !neverReassigned(variable) || declarator?.type !== AST_NODE_TYPES.VariableDeclarator || !declarator.init) return undefined;
    value = unwrapExpression(declarator.init);
  }
  const text = (node: Node) => analysis.sourceText.slice(node.range[0], node.range[1]);
  if (value.type === AST_NODE_TYPES.MemberExpression && value.computed && text(value.object) === receiver) return { lookUp: value, key: value.property };
  if (value.type !== AST_NODE_TYPES.CallExpression || value.callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(value.callee) !== 'get') return undefined;
  const key = value.arguments[0];
  return text(value.callee.object) === receiver && key && key.type !== AST_NODE_TYPES.SpreadElement ? { lookUp: value, key } : undefined;
}

/**
 * `const timeout = setTimeout(() => { delete pending[id]; reject(…) }, ms); pending[id] = (error, result)
 * => { clearTimeout(timeout); … }`: the answer cancels the timer and leaves the entry. Where the code
 * clears that timer the request has settled, so the timeout's own deletion goes right after each
 * `clearTimeout(timeout)` statement — the same entry, named the same way, which the file's author
 * wrote for the other way a request ends — when every name it reads is the same, never-reassigned
 * variable there (and `this` the same object). A timer kept in the entry (`{ resolve, timer:
 * setTimeout(…) }`) and cleared through a look-up (`const entry = this.pending.get(id); …
 * clearTimeout(entry.timer)`) gets the deletion under that look-up's key (`this.pending.delete(id)`).
 * Every clear must be a statement of its own in a block; otherwise, why not.
 */
export function planDeleteOnSettle(analysis: Analysis, timeoutDelete: CollectionUse): DeleteOnSettlePlan | Refusal {
  const refuse = (why: string): Refusal => ({ kind: 'refusal', reason: `${PENDING}: ${why}; delete the entry where it is answered too` });
  const callback = enclosingFunction(timeoutDelete.site);
  const timerCall = callback?.parent;
  if (!callback || timerCall?.type !== AST_NODE_TYPES.CallExpression) return refuse('its timer is not one this can follow');
  const deletion = outermostWrapper(timeoutDelete.site);
  const deletionText = analysis.sourceText.slice(deletion.range[0], deletion.range[1]);
  const receiver = outermostWrapper(timeoutDelete.reference);
  const receiverText = analysis.sourceText.slice(receiver.range[0], receiver.range[1]);
  const timer = timerVariable(analysis, timerCall);
  const property = outermostWrapper(timerCall).parent;
  const timerProperty = property?.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
  if (!timer && !timerProperty) return refuse('the timer is not kept in a variable that is never reassigned, nor in a property of the entry');
  const clears = (timer ? clearsOf(timer) : propertyClearsOf(analysis, timerProperty!)).filter((clear) => !isInside(clear, callback));
  if (clears.length === 0) return refuse('no `clearTimeout` of its timer shows where it is answered');
  const removals: { after: TSESTree.ExpressionStatement; deletion: string }[] = [];
  for (const clear of clears) {
    const statement = outermostWrapper(clear).parent;
    const code = `\`${analysis.sourceText.slice(clear.range[0], clear.range[1])}\``;
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || !statementListOf(statement.parent)) return refuse(`${code} is not a statement of its own in a block`);
    if (timer) {
      const problem = meaningChangesAt(analysis, deletion, clear, timeoutDelete.key ? [timeoutDelete.key] : []);
      if (problem) return refuse(`\`${deletionText}\` would not name the same entry after ${code}: ${problem}`);
      removals.push({ after: statement, deletion: deletionText });
      continue;
    }
    const argument = unwrapExpression(clear.arguments[0]) as TSESTree.MemberExpression;
    const found = lookUpOf(analysis, argument.object, receiverText);
    if (!found) return refuse(`${code} clears a timer whose entry is not looked up in \`${receiverText}\` there`);
    const problem = meaningChangesAt(analysis, found.lookUp, clear, [found.key]);
    if (problem) return refuse(`the entry ${code} clears would not be named the same there: ${problem}`);
    const key = analysis.sourceText.slice(found.key.range[0], found.key.range[1]);
    removals.push({ after: statement, deletion: timeoutDelete.operation === 'delete' ? `${receiverText}.delete(${key})` : `delete ${receiverText}[${key}]` });
  }
  return { kind: 'bounded-cache', collection: 'delete-on-settle', removals };
}

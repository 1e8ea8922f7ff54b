import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, scopeOf, type VariableLike } from '../ast/scopes';
import { statementListOf } from '../ast/statement-lists';
import { walk, type Node } from '../ast/traverse';
import type { CollectionUse } from '../collections/collection-uses';
import type { Refusal } from '../findings/finding';
import type { DeleteOnSettlePlan } from './bounded-cache-plan';

const PENDING = 'its entries are pending requests that only their timeout deletes';

/** The function whose `this` a node sees: arrows take their outer function's. */
function thisOwner(node: Node): Node | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) return fn;
  return undefined;
}

/** Written only where it is declared (a `const`, a parameter or a `var` never assigned again). */
function neverReassigned(variable: VariableLike): boolean {
  return variable.references.every((reference) => !reference.isWrite() || reference.init);
}

/** The variable `name` means at `site`, by the scopes around it. */
function variableAt(analysis: Analysis, name: string, site: Node): VariableLike | undefined {
  for (let scope = scopeOf(analysis.scopeManager, site) ?? null; scope; scope = scope.upper) {
    const variable = scope.set.get(name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * Why the deletion would not mean the same at `site`, or undefined when it does: every name it reads
 * is the same variable there and never reassigned, and `this` is the same object.
 */
function differsAt(analysis: Analysis, deletion: Node, site: Node): string | undefined {
  let problem: string | undefined;
  walk(deletion, (node, parent) => {
    if (problem) return false;
    if (node.type === AST_NODE_TYPES.ThisExpression && thisOwner(node) !== thisOwner(site)) problem = '`this` is another object there';
    if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) return undefined;
    const variable = findVariable(analysis.scopeManager, node);
    if (!variable) return undefined;
    if (!neverReassigned(variable)) problem = `\`${node.name}\` is assigned again`;
    else if (variableAt(analysis, node.name, site) !== variable) problem = `\`${node.name}\` is another variable there`;
    return undefined;
  });
  return problem;
}

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
    const argument = outermostWrapper(reference.identifier as Node);
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
    const problem = differsAt(analysis, deletion, clear);
    if (problem) return refuse(`\`${deletionText}\` would not name the same entry after ${code}: ${problem}`);
    after.push(statement);
  }
  return { kind: 'bounded-cache', collection: 'delete-on-settle', after, deletion: deletionText };
}

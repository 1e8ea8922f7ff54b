import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { fieldBracketedByMethod, thisFieldName } from './method-scoped-field';
import { RELEASE_METHODS } from './observed-release';

/**
 * `const page = await browser.newPage()` where the same function (or one around it) launched
 * `browser` and closes it: a resource made by another resource lives inside it, and closing the
 * browser closes its contexts and pages. The parent's own release is what must happen on every path,
 * and require-close judges the parent for that; asking the child for its own `close()` as well would
 * report code whose owner already releases everything it made.
 *
 * Only a parent the function holds in a local variable: a browser kept in a
 * module variable, a field or a parameter lives on after the call, and each page made from it
 * per call must be closed by the code that made it.
 */
export function madeByOwnedParent(analysis: Analysis, acquisition: Node): boolean {
  const produced = unwrapExpression(acquisition.type === AST_NODE_TYPES.AwaitExpression ? acquisition.argument : acquisition);
  if (produced.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(produced.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const receiver = unwrapExpression(callee.object);
  const field = thisFieldName(receiver);
  if (field !== undefined) return fieldParentEndedByMethod(analysis, acquisition, field);
  if (receiver.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = findVariable(analysis.scopeManager, receiver);
  const definition = variable?.defs[0];
  if (!variable || !definition) return false;
  const holder = enclosingFunction(definition.name);
  if (!holder || !isInside(acquisition, holder)) return outerParentEndedHere(analysis, acquisition, variable.references);
  const parent = parentHandle(analysis, definition.node, definition.name) ?? assignedHandle(analysis, variable.references, holder);
  if (!parent) return false;
  // Made beside its parent: whatever the function does with the parent (closes it, leaks it, hands it
  // out) it does with the child too, and the parent's own finding says so once.
  if (enclosingFunction(acquisition) === holder) return true;
  // Made in a callback of the parent's function (`pages.map((html) => browser.newPage()…)`): covered
  // when that function ends the parent; a callback that outlives it (a route registered by `main()`
  // that never closes its browser) makes a page per run that nothing closes.
  return releasedBy(variable.references, holder, parent);
}

/**
 * `shared = await puppeteer.launch()` … `await shared.close()` in one function, `shared` a module
 * variable: that function makes the browser and ends it, and the pages it makes in between end with
 * it. Only when the same function (around the child) both assigns and releases it.
 */
function outerParentEndedHere(
  analysis: Analysis,
  acquisition: Node,
  references: ReadonlyArray<{ identifier: TSESTree.Identifier | TSESTree.JSXIdentifier; isWrite(): boolean }>,
): boolean {
  for (let holder = enclosingFunction(acquisition); holder; holder = enclosingFunction(holder)) {
    const parent = assignedHandle(analysis, references, holder);
    if (parent) return releasedBy(references, holder, parent);
  }
  return false;
}

/** The handle a local variable holds: `const browser = await launch()`, or `.then((browser) => …)` on an acquisition. */
function parentHandle(analysis: Analysis, definitionNode: Node, name: TSESTree.Identifier): ResourceEntry | undefined {
  if (definitionNode.type === AST_NODE_TYPES.VariableDeclarator && definitionNode.id === name && definitionNode.init) {
    const entry = analysis.oracle.acquisition(definitionNode.init);
    return entry?.kind === 'handle' ? entry : undefined;
  }
  // `launch().then((browser) => …)`: the continuation's first parameter is what the call resolves to.
  if (isFunction(definitionNode) && definitionNode.params[0] === name) {
    const call = outermostWrapper(definitionNode).parent;
    const member = call?.type === AST_NODE_TYPES.CallExpression && call.arguments[0] === outermostWrapper(definitionNode) ? unwrapExpression(call.callee) : undefined;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(member) !== 'then') return undefined;
    const settled = unwrapExpression(member.object);
    if (settled.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const entry = analysis.oracle.settledAcquisition(settled);
    return entry?.kind === 'handle' ? entry : undefined;
  }
  return undefined;
}

/**
 * `this.browser!.newPage()` in a method that starts `this.browser` and stops it itself (directly or
 * through methods of its class, `await this.start()` … `finally { await this.stop() }`): the field
 * carries the browser between the method's helpers; it does not outlive the call.
 */
function fieldParentEndedByMethod(analysis: Analysis, acquisition: Node, field: string): boolean {
  const method = enclosingFunction(acquisition);
  if (!method) return false;
  const isHandle = (value: Node) => analysis.oracle.acquisition(value)?.kind === 'handle';
  return fieldBracketedByMethod(method, field, RELEASE_METHODS, analysis.scopeManager, isHandle);
}

/** `let browser; … browser = await puppeteer.launch()` in the holder itself. */
function assignedHandle(
  analysis: Analysis,
  references: ReadonlyArray<{ identifier: TSESTree.Identifier | TSESTree.JSXIdentifier; isWrite(): boolean }>,
  holder: FunctionNode,
): ResourceEntry | undefined {
  for (const reference of references) {
    if (!reference.isWrite() || enclosingFunction(reference.identifier) !== holder) continue;
    const assignment = reference.identifier.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.left !== reference.identifier) continue;
    const entry = analysis.oracle.acquisition(assignment.right);
    if (entry?.kind === 'handle') return entry;
  }
  return undefined;
}

/** Whether `holder` itself calls one of the parent's release methods on it (`browser.close()`), on any path. */
function releasedBy(references: ReadonlyArray<{ identifier: TSESTree.Identifier | TSESTree.JSXIdentifier }>, holder: FunctionNode, parent: ResourceEntry): boolean {
  const methods = new Set(parent.releases.flatMap((release) => ('method' in release ? [release.method] : [])));
  return references.some(({ identifier }) => {
    // In the holder itself: a `close()` in a shutdown listener ends the parent long after the callbacks ran.
    if (enclosingFunction(identifier) !== holder) return false;
    const member = outermostWrapper(identifier).parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || outermostWrapper(member.object) !== outermostWrapper(identifier)) return false;
    const name = staticPropertyName(member);
    const call = member.parent;
    return name !== undefined && methods.has(name) && call?.type === AST_NODE_TYPES.CallExpression && call.callee === member;
  });
}

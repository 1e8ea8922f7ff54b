import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { statementListOf } from '../ast/statement-lists';
import { walk, type Node } from '../ast/traverse';
import { referenceKey } from './reference-keys';

/**
 * A "register once" guard around a site: `if (!installed) { installed = true; process.on(…) }`,
 * `if (this.#timer) return;` before `this.#timer = setInterval(…)`, `if (emitter.listenerCount('x')
 * === 0)`. A guard whose flag is set somewhere makes the site run once per flag (per process or per
 * instance); a flag nothing ever sets is no guard at all — the listener is added on every call.
 */
export type RunOnceGuard = { readonly kind: 'set' } | { readonly kind: 'never-set'; readonly flag: string };

/** Asking an emitter or a collection whether the work is there already is a guard whatever the flag. */
const PRESENCE_CHECKS = new Set(['listenerCount', 'listeners', 'has', 'includes', 'get']);

const writtenByProgram = new WeakMap<TSESTree.Program, Set<string>>();

/** Keys of every slot the file assigns (not declares): `installed = true`, `this.#started = true`, `state.ready++`. */
function writtenSlots(program: TSESTree.Program, scopeManager: ScopeManagerLike): ReadonlySet<string> {
  let written = writtenByProgram.get(program);
  if (written) return written;
  const slots = new Set<string>();
  written = slots;
  // Private fields (`this.#started = true`) are no Identifiers: one walk over the assignments.
  walk(program, (node) => {
    const target =
      node.type === AST_NODE_TYPES.AssignmentExpression
        ? node.left
        : node.type === AST_NODE_TYPES.UpdateExpression
          ? node.argument
          : node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete'
            ? node.argument
            : undefined;
    if (!target) return;
    const key = referenceKey(target, scopeManager);
    if (key !== undefined) slots.add(key);
  });
  writtenByProgram.set(program, written);
  return written;
}

/** The flags a guard's test reads: variables from outside the function, `this.x`, `state.ready`. */
function testedFlags(test: Node, fn: Node | undefined, scopeManager: ScopeManagerLike): { flags: Map<string, string>; presence: boolean } {
  const flags = new Map<string, string>();
  let presence = false;
  walk(test, (node) => {
    if (isFunction(node)) return false;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
      if (name !== undefined && PRESENCE_CHECKS.has(name)) presence = true;
      return undefined;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression) {
      // `this.#check(error)` calls a method: what it returns is no flag of ours.
      if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node) return false;
      let root: Node = node;
      while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrapExpression(root.object);
      if (root.type === AST_NODE_TYPES.Identifier && isLocal(root, fn, scopeManager)) return false;
      const key = referenceKey(node, scopeManager);
      if (key !== undefined) flags.set(key, textOf(node));
      return false;
    }
    if (node.type === AST_NODE_TYPES.Identifier && !(node.parent?.type === AST_NODE_TYPES.MemberExpression && node.parent.property === node)) {
      const variable = findVariable(scopeManager, node);
      // A local of the same function is per call: not a flag that outlives it.
      if (isLocal(node, fn, scopeManager)) return undefined;
      const key = referenceKey(node, scopeManager);
      if (key !== undefined && variable) flags.set(key, node.name);
    }
    return undefined;
  });
  return { flags, presence };
}

/** Declared in `fn` itself (a parameter or local): per call, not a flag that outlives it. */
function isLocal(identifier: TSESTree.Identifier, fn: Node | undefined, scopeManager: ScopeManagerLike): boolean {
  const declared = findVariable(scopeManager, identifier)?.defs[0]?.name;
  return declared !== undefined && fn !== undefined && declared.range[0] >= fn.range[0] && declared.range[1] <= fn.range[1];
}

function textOf(node: Node): string {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const name = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : staticPropertyName(node) ?? '[…]';
    return `${textOf(node.object)}.${name}`;
  }
  return '…';
}

function leaves(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = statement.body.at(-1);
  return last !== undefined && leaves(last);
}

/** The tests guarding `site` up to `fn`: enclosing `if`s and `if (…) return` statements before it. */
function guardTests(site: Node, fn: Node | undefined, catchClauses = false): Node[] {
  const tests: Node[] = [];
  for (let child: Node = site, current = site.parent; current && current !== fn; child = current, current = current.parent) {
    if (catchClauses && current.type === AST_NODE_TYPES.CatchClause) tests.push(current);
    if (current.type === AST_NODE_TYPES.IfStatement && current.test !== child) tests.push(current.test);
    if (current.type === AST_NODE_TYPES.ConditionalExpression && current.test !== child) tests.push(current.test);
    if (current.type === AST_NODE_TYPES.LogicalExpression && current.right === child) tests.push(current.left);
    const list = statementListOf(current);
    if (!list) continue;
    for (const statement of list) {
      if (statement === child) break;
      if (statement.type === AST_NODE_TYPES.IfStatement && leaves(statement.consequent)) tests.push(statement.test);
    }
  }
  return tests;
}

export function runOnceGuardOf(site: Node, program: TSESTree.Program, scopeManager: ScopeManagerLike): RunOnceGuard | undefined {
  const fn = enclosingFunction(site);
  const tests = guardTests(site, fn);
  if (tests.length === 0) return undefined;
  const written = writtenSlots(program, scopeManager);
  let neverSet: string | undefined;
  for (const test of tests) {
    const { flags, presence } = testedFlags(test, fn, scopeManager);
    if (presence) return { kind: 'set' };
    for (const [key, text] of flags) {
      // `if (modalRoot?.isConnected) return` is closed by `modalRoot = …`: a write of the flag or of what holds it.
      if (prefixesOf(key).some((prefix) => written.has(prefix))) return { kind: 'set' };
      neverSet ??= text;
    }
  }
  return neverSet === undefined ? undefined : { kind: 'never-set', flag: neverSet };
}

/**
 * Can the code between `fn`'s start and `site` (a re-arming `setTimeout`) decide not to reach it: a
 * test on the way (`if (!this.stopped)`, `running && setTimeout(…)`), an `if (…) return` before it,
 * or a `catch` it sits in (a retry after failure, not a loop of its own)?
 */
export function stopConditionBetween(site: Node, fn: Node): boolean {
  return guardTests(site, fn, true).length > 0;
}

/** `a@1.b.c` → `a@1.b.c`, `a@1.b`, `a@1`. */
function prefixesOf(key: string): string[] {
  const parts = key.split('.');
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('.'));
}

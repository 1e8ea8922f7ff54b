import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { Remedy } from '../findings/finding';
import type { FillSlotOncePlan } from './fill-slot-once-plan';

/** Whether `node` reads a parameter or a local of `owner`: a value that may differ from call to call. */
function readsCallValues(node: Node, owner: FunctionNode, scopeManager: ScopeManagerLike): boolean {
  let reads = false;
  walk(node, (inner) => {
    if (reads) return false;
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const parent = inner.parent;
    // `x.name` and `{ name: … }` keys name no variable.
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === inner && !parent.computed) return undefined;
    if (parent?.type === AST_NODE_TYPES.Property && parent.key === inner && !parent.computed) return undefined;
    const definition = findVariable(scopeManager, inner)?.defs[0];
    if (!definition) return undefined;
    let scope: Node | undefined = definition.name;
    while (scope && !isFunction(scope)) scope = scope.parent;
    // Declared in the filler (a parameter or a local), not inside a callback the moved code makes.
    if (scope === owner && !isInside(definition.name, node)) reads = true;
    return undefined;
  });
  return reads;
}

function isInside(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/** `return <slot>;` */
function returnsTheSlot(statement: TSESTree.Statement, slot: string, source: string): boolean {
  return statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument !== null && source.slice(statement.argument.range[0], statement.argument.range[1]).trim() === slot;
}

/** Calls that (re)open or end what the slot holds: with one client kept, only its maker may make them. */
const OPENING = new Set(['connect', 'open', 'login', 'bind', 'start']);

/** `<slot>.<method>(…)` outside `except`, for a method that opens or releases. */
function opensOrEndsElsewhere(program: Node, slot: string, releases: ReadonlySet<string>, except: readonly Node[], source: string): boolean {
  let found = false;
  walk(program, (node) => {
    if (found) return false;
    if (except.some((statement) => isInside(node, statement))) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.computed || callee.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    const method = callee.property.name;
    if ((releases.has(method) || OPENING.has(method)) && source.slice(callee.object.range[0], callee.object.range[1]).trim() === slot) found = true;
    return undefined;
  });
  return found;
}

/**
 * The fix for a slot filled on every call, or why there is none. The fill must be a statement of the
 * filler's own body whose value every call makes alike (module values, the instance's fields); the
 * statements after it that read only such values too (its set-up, up to a final `return <slot>`) go
 * with it. Refused when the set-up awaits (callers arriving meanwhile would use a client not yet set
 * up), and when the file opens or releases the slot elsewhere (`this.client.connect()` … `quit()` per
 * use): one kept client would be connected twice, or used after it was closed.
 */
export function planFillSlotOnce(
  assignment: TSESTree.AssignmentExpression,
  slot: string,
  owner: FunctionNode,
  releases: ReadonlySet<string>,
  program: TSESTree.Program,
  scopeManager: ScopeManagerLike,
  source: string,
): Remedy<FillSlotOncePlan> {
  const refusal = { kind: 'refusal' as const, reason: `the client is stored in \`${slot}\` and replaced on every call; create it once (in the constructor, at start-up, or lazily with \`??=\`) and reuse it` };
  const statement = outermostWrapper(assignment).parent;
  const body = owner.body;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || body.type !== AST_NODE_TYPES.BlockStatement || statement.parent !== body) return refusal;
  if (readsCallValues(statement, owner, scopeManager)) {
    return {
      kind: 'refusal',
      reason: `the client stored in \`${slot}\` is made from values of each call, so one made once cannot serve every caller: keep one per key (a Map keyed by those values), or release the previous one before \`${slot}\` is filled again`,
    };
  }
  const statements = body.body;
  const start = statements.indexOf(statement);
  let end = start;
  while (end + 1 < statements.length && !returnsTheSlot(statements[end + 1], slot, source) && !readsCallValues(statements[end + 1], owner, scopeManager)) end += 1;
  const moved = statements.slice(start, end + 1);
  let unsafe = false;
  for (const candidate of moved) {
    walkSameFunction(candidate, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.YieldExpression) unsafe = true;
      return unsafe ? false : undefined;
    });
  }
  // A `const` of the set-up that later statements read would leave their scope.
  if (unsafe || moved.some((candidate) => candidate.type === AST_NODE_TYPES.VariableDeclaration)) return refusal;
  if (opensOrEndsElsewhere(program, slot, releases, moved, source)) return refusal;
  const target = unwrapExpression(assignment.left);
  if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression) return refusal;
  return { kind: 'fill-slot-once', slot, first: moved[0], last: moved[moved.length - 1] };
}

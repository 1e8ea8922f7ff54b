import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

/** How deep `const a = b || c; const b = …` chains of flags are followed. */
const MAX_FLAG_DEPTH = 4;

/**
 * A conditional acquisition and a release guarded by a flag that holds exactly when it ran:
 *
 *     const ownRunner = runner === undefined || runner.isReplica();
 *     if (runner === undefined || ownRunner) runner = dataSource.createQueryRunner();
 *     …
 *     if (ownRunner) await runner.release();
 *
 * The `if` around the acquisition is only true when the flag is (its conditions, with `const` flags
 * read as the conditions they were computed from, are among the flag's), so `if (ownRunner)` is
 * "if it was acquired here" — a presence guard, like `if (runner)` for a variable that starts empty.
 * Returns that flag, or undefined when the acquisition is unconditional or no such flag guards a release.
 */
export function acquisitionFlag(
  acquisition: Node,
  owner: FunctionNode,
  sourceText: string,
  scopeManager: ScopeManagerLike,
): { readonly name: string; readonly when: 'truthy' | 'falsy' } | undefined {
  const otherwise = elseAcquisition(acquisition, owner, scopeManager);
  if (otherwise) return otherwise.flag;
  const guard = guardingIf(acquisition, owner);
  if (!guard) return undefined;
  const conditions = disjuncts(guard.test, owner, sourceText, scopeManager, 0);
  let flag: string | undefined;
  walk(owner.body, (node) => {
    if (flag) return false;
    if (node.type !== AST_NODE_TYPES.IfStatement || node === guard) return true;
    const test = unwrapExpression(node.test);
    if (test.type !== AST_NODE_TYPES.Identifier) return true;
    const flagConditions = constFlagConditions(test, owner, sourceText, scopeManager, 0);
    if (flagConditions && [...conditions].every((condition) => flagConditions.has(condition))) flag = test.name;
    return true;
  });
  return flag ? { name: flag, when: 'truthy' } : undefined;
}

/** `if (test) x = acquire();` or `if (test) { x = acquire(); }`: that `if`, with nothing else in its branch. */
function guardingIf(acquisition: Node, owner: FunctionNode): TSESTree.IfStatement | undefined {
  const assignment = outermostWrapper(acquisition).parent;
  const statement = assignment?.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const block = statement.parent;
  const branch = block?.type === AST_NODE_TYPES.BlockStatement && block.body.length === 1 ? block : statement;
  const guard = branch.parent;
  if (guard?.type !== AST_NODE_TYPES.IfStatement || guard.consequent !== branch || guard.alternate) return undefined;
  return enclosingFunction(guard) === owner ? guard : undefined;
}

/** `a || b || flag`: the alternatives, as normalised source text, flags read as what they were computed from. */
function disjuncts(expression: Node, owner: FunctionNode, sourceText: string, scopeManager: ScopeManagerLike, depth: number): Set<string> {
  const node = unwrapExpression(expression);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') {
    return new Set([...disjuncts(node.left, owner, sourceText, scopeManager, depth), ...disjuncts(node.right, owner, sourceText, scopeManager, depth)]);
  }
  if (node.type === AST_NODE_TYPES.Identifier) {
    const inlined = constFlagConditions(node, owner, sourceText, scopeManager, depth);
    if (inlined) return inlined;
  }
  // `runner?.isReplica()` and `runner.isReplica()` test the same thing once `runner` is known to be set.
  return new Set([sourceText.slice(node.range[0], node.range[1]).replace(/\s+/g, '').replace(/\?\./g, '.')]);
}

/** The conditions a `const` flag of the owner was computed from, or undefined for anything else. */
function constFlagConditions(identifier: TSESTree.Identifier, owner: FunctionNode, sourceText: string, scopeManager: ScopeManagerLike, depth: number): Set<string> | undefined {
  if (depth >= MAX_FLAG_DEPTH) return undefined;
  const definition = findVariable(scopeManager, identifier)?.defs[0]?.node;
  if (definition?.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init || definition.parent.kind !== 'const') return undefined;
  if (enclosingFunction(definition) !== owner) return undefined;
  return disjuncts(definition.init, owner, sourceText, scopeManager, depth + 1);
}

/**
 * The `else` of an own-or-borrowed choice:
 *
 *     let producer;
 *     if (useCache) producer = await cachedProducer();
 *     else { producer = kafka.producer(); await producer.connect(); }
 *     …
 *     if (!useCache) await producer.disconnect();
 *
 * The acquisition runs exactly when the test is falsy, so `if (!useCache)` is "if it was acquired
 * here"; what the other branch assigns is borrowed and not this function's. Only a plain local
 * (or `const` flag) test, and an acquisition written directly in the `else` block.
 */
export function elseAcquisition(
  acquisition: Node,
  owner: FunctionNode,
  scopeManager: ScopeManagerLike,
): { readonly flag: { readonly name: string; readonly when: 'falsy' }; readonly otherBranch: Node } | undefined {
  const assignment = outermostWrapper(acquisition).parent;
  const statement = assignment?.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || statement?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const block = statement.parent;
  const branch = block?.type === AST_NODE_TYPES.BlockStatement ? block : statement;
  const guard = branch.parent;
  if (guard?.type !== AST_NODE_TYPES.IfStatement || guard.alternate !== branch || enclosingFunction(guard) !== owner) return undefined;
  const test = unwrapExpression(guard.test);
  if (test.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(scopeManager, test)?.defs[0];
  if (!definition || (definition.type !== 'Variable' && definition.type !== 'Parameter')) return undefined;
  // The flag must not change between the choice and the release.
  const variable = findVariable(scopeManager, test);
  if (variable?.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  return { flag: { name: test.name, when: 'falsy' }, otherBranch: guard.consequent };
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { DeadlineEvidence } from '../oracle/grpc-call-signature';

/**
 * Keys of call options that give a call a deadline, or may: an interceptor can set one for every
 * call (the issue counts them), and nothing here can see what it does.
 */
const DEADLINE_KEYS = new Set(['deadline', 'interceptors', 'interceptor_providers']);

/** Object literals inside object literals inside …: past this depth we stop reading. */
const MAX_DEPTH = 4;

function keyName(property: TSESTree.Property): string | undefined {
  if (!property.computed && property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  if (property.key.type === AST_NODE_TYPES.Literal && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

/**
 * What the source shows about the `deadline` of an options value: an object literal with or
 * without it (through spreads of such literals), or a local `const opts = { … }` whose `deadline`
 * is not assigned later. A parameter, a call's result, an import: `'maybe'`.
 */
export function optionsDeadline(expression: Node, scopeManager: ScopeManagerLike, depth = 0): DeadlineEvidence {
  if (depth > MAX_DEPTH) return 'maybe';
  const value = unwrapExpression(expression);
  if (value.type === AST_NODE_TYPES.ObjectExpression) {
    let evidence: DeadlineEvidence = 'absent';
    for (const property of value.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        const spread = optionsDeadline(property.argument, scopeManager, depth + 1);
        if (spread === 'set') return 'set';
        if (spread === 'maybe') evidence = 'maybe';
        continue;
      }
      const key = keyName(property);
      if (key === undefined) evidence = 'maybe';
      else if (DEADLINE_KEYS.has(key)) return 'set';
    }
    return evidence;
  }
  if (value.type !== AST_NODE_TYPES.Identifier) return 'maybe';
  const initializer = localObjectValue(value, scopeManager);
  return initializer ? optionsDeadline(initializer, scopeManager, depth + 1) : 'maybe';
}

/**
 * The object literal a variable holds for good: declared once with it, never reassigned, and no
 * member of it written (`opts.deadline = …`) nor the variable handed to a function that could.
 */
export function localObjectValue(identifier: TSESTree.Identifier, scopeManager: ScopeManagerLike): TSESTree.ObjectExpression | undefined {
  const variable = findVariable(scopeManager, identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.node.type !== AST_NODE_TYPES.VariableDeclarator || definition.node.id !== definition.name || !definition.node.init) return undefined;
  const init = unwrapExpression(definition.node.init);
  if (init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const reference of variable!.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return undefined;
    const use = outermostWrapper(reference.identifier);
    const parent = use.parent;
    // `opts.deadline = …`, `Object.assign(opts, …)`, `setDeadline(opts)`: it changes after its declaration.
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
      const holder = outermostWrapper(parent).parent;
      if (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.left === outermostWrapper(parent)) return undefined;
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(use as TSESTree.Expression) && mayChangeArgument(parent)) return undefined;
  }
  return init;
}

/**
 * A plain function may change an object it is given (`setDeadline(opts)`), and so does
 * `Object.assign(opts, …)`; a method call such as the RPC itself (`client.get(req, opts, cb)`) reads it.
 */
function mayChangeArgument(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  return callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) === 'assign';
}

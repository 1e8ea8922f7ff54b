import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { enclosingFunction, type FunctionNode } from '../ast/predicates';
import { findVariable } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { Remedy } from '../findings/finding';
import { moduleSystemOf, usesSemicolons } from '../fix/source-style';
import type { KeyedClientSlot } from '../ownership/keyed-client-slots';
import type { SingletonClientPlan } from './singleton-client-plan';

const refuse = (reason: string): Remedy<SingletonClientPlan> => ({ kind: 'refusal', reason });

/** The class whose instance `this` is in `fn`: arrows take it from the function around them. */
function thisClass(fn: FunctionNode | undefined): Node | undefined {
  for (let current = fn; current; current = enclosingFunction(current)) {
    const holder = current.parent;
    if (holder?.type === AST_NODE_TYPES.MethodDefinition || holder?.type === AST_NODE_TYPES.PropertyDefinition) return holder.parent.parent;
    if (current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  }
  return undefined;
}

/** `name`, `opts.service`, `'billing'`: evaluated twice without doing anything. */
function isPlainValue(node: Node): boolean {
  if (node.type === AST_NODE_TYPES.Identifier || node.type === AST_NODE_TYPES.Literal || node.type === AST_NODE_TYPES.ThisExpression) return true;
  return node.type === AST_NODE_TYPES.MemberExpression && !node.computed && isPlainValue(node.object);
}

/** `a ?? b` in place of `node`: bare where nothing binds tighter (an initialiser, an argument, a `return`), else in parentheses. */
function parenthesisedWhereNeeded(node: Node, expression: string): string {
  const parent = node.parent;
  const bare =
    (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node) ||
    (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === node) ||
    parent?.type === AST_NODE_TYPES.ReturnStatement ||
    (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === node) ||
    (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== node) ||
    (parent?.type === AST_NODE_TYPES.Property && parent.value === node) ||
    parent?.type === AST_NODE_TYPES.ArrayExpression;
  return bare ? expression : `(${expression})`;
}

/**
 * `getService(name)` calling `this.createClientByServiceName(name)`, which makes a client and stores it
 * with `this.clients.set(name, client)`, while the file elsewhere looks the key up first: the call
 * becomes `(this.clients.get(name) ?? this.createClientByServiceName(name))` — the get-or-create the
 * file already uses (nestjs-grpc-helper's fix called its own `getClientByServiceName`). The key is
 * the creating function's parameter that `set` stores under, read from the caller's arguments.
 */
export function planLookUpFirst(analysis: Analysis, slot: KeyedClientSlot, caller: TSESTree.CallExpression, creator: FunctionNode, acquisition: Node): Remedy<SingletonClientPlan> {
  const lookUp = `look the key up first (\`${slot.text}.get(key) ?? create(key)\`)`;
  const refusal = (why: string) => refuse(`\`${slot.text}\` caches one client per key, but this call path creates a new one without looking there first; ${why}${lookUp}`);
  const key = slot.store.arguments[0];
  const index = key?.type === AST_NODE_TYPES.Identifier ? creator.params.findIndex((parameter) => parameter.type === AST_NODE_TYPES.Identifier && parameter.name === key.name) : -1;
  const argument = index >= 0 ? caller.arguments[index] : undefined;
  if (!argument || argument.type === AST_NODE_TYPES.SpreadElement || !isPlainValue(argument)) return refusal('the key the client is stored under is not an argument of this call; ');
  if (slot.text.startsWith('this.')) {
    const here = thisClass(enclosingFunction(caller));
    if (!here || here !== thisClass(creator)) return refusal('`this` is another object here; ');
  } else {
    // The map is a module variable: the caller must see the same one.
    const root = slot.text.split('.')[0];
    const identifier = caller.callee.type === AST_NODE_TYPES.Identifier && caller.callee.name === root ? caller.callee : undefined;
    const variable = identifier ? findVariable(analysis.scopeManager, identifier) : undefined;
    if (identifier && variable?.scope.type !== 'module') return refusal(`\`${root}\` is another variable here; `);
  }
  const text = analysis.sourceText;
  const call = text.slice(caller.range[0], caller.range[1]);
  return {
    kind: 'singleton-client',
    acquisition,
    acquisitionText: call,
    inlinedDeclarations: [],
    awaited: false,
    anchor: caller,
    names: { variable: slot.text, getter: slot.text, closer: '' },
    reuse: true,
    typeText: undefined,
    release: undefined,
    site: { kind: 'look-up-first', call: caller, text: parenthesisedWhereNeeded(caller, `${slot.text}.get(${text.slice(argument.range[0], argument.range[1])}) ?? ${call}`) },
    removals: [],
    moduleSystem: moduleSystemOf(analysis.ast, text),
    semicolons: usesSemicolons(analysis.ast, text),
  };
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { findVariable } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import { isNodeBuiltin } from '../registry/registry';

/**
 * The fields a wrapper class keeps its own connection in: `connect()` fills `this.client` with a
 * client made from the instance's configuration (`await MongoClient.connect(this.url)`) and
 * `destroy()` empties it (`this.client = null` after closing). Every caller of one shared instance
 * gets the same connection from such a field, so its writes are not per-caller state (datagroom's
 * `DbAbstraction`, made and dropped per access check). A field is a slot when every write of it in
 * `methods` is such a fill or an emptying, and at least one is a fill. A fill is a client the registry
 * knows, or a package's value that the class itself ends (`this.client.close()`) when the registry
 * does not know the package or cannot see through the `.catch(…)`.
 */
export function clientSlotsOf(analysis: Analysis, methods: readonly TSESTree.FunctionExpression[]): ReadonlySet<string> {
  const fills = new Set<string>();
  const packageFills = new Set<string>();
  const ended = new Set<string>();
  const others = new Set<string>();
  for (const method of methods) {
    walk(method.body, (node) => {
      // A nested `function` has a `this` of its own; arrows share the method's.
      if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) return false;
      const endedField = fieldEndedBy(node);
      if (endedField !== undefined) ended.add(endedField);
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression || node.left.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
      const property = node.left.property;
      if (node.left.computed || (property.type !== AST_NODE_TYPES.Identifier && property.type !== AST_NODE_TYPES.PrivateIdentifier)) return undefined;
      if (node.operator === '=' && isEmptying(node.right)) return undefined;
      const fill = node.operator === '=' ? sharedFill(analysis, node.right) : undefined;
      if (fill === 'client') fills.add(property.name);
      else if (fill === 'package value') packageFills.add(property.name);
      else others.add(property.name);
      return undefined;
    });
  }
  const slots = [...fills, ...[...packageFills].filter((field) => ended.has(field))];
  return new Set(slots.filter((field) => !others.has(field)));
}

/** What a wrapper calls to end its connection (`this.client.close(true)`). */
const ENDINGS = new Set(['close', 'end', 'quit', 'disconnect', 'destroy', 'shutdown', 'terminate']);

/** `this.<field>.close(…)`: the field's name. */
function fieldEndedBy(node: Node): string | undefined {
  if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || node.callee.computed) return undefined;
  const { object, property } = node.callee;
  if (property.type !== AST_NODE_TYPES.Identifier || !ENDINGS.has(property.name)) return undefined;
  if (object.type !== AST_NODE_TYPES.MemberExpression || object.object.type !== AST_NODE_TYPES.ThisExpression || object.computed) return undefined;
  return object.property.type === AST_NODE_TYPES.Identifier || object.property.type === AST_NODE_TYPES.PrivateIdentifier ? object.property.name : undefined;
}

/** `null`, `undefined`, `void 0`: the slot emptied after a close or a failed connect. */
function isEmptying(value: Node): boolean {
  if (value.type === AST_NODE_TYPES.Literal) return value.value === null;
  if (value.type === AST_NODE_TYPES.Identifier) return value.name === 'undefined';
  return value.type === AST_NODE_TYPES.UnaryExpression && value.operator === 'void';
}

/**
 * `await MongoClient.connect(this.url, …).catch(…)`: a client the registry knows, made from the
 * instance's fields and module-level values only (what every caller of a shared instance shares).
 */
function sharedFill(analysis: Analysis, value: Node): 'client' | 'package value' | undefined {
  const made = unwrapSettlement(value);
  if (made.type !== AST_NODE_TYPES.NewExpression && made.type !== AST_NODE_TYPES.CallExpression) return undefined;
  if (!made.arguments.every((argument) => readsOnlyInstanceAndModule(analysis, argument))) return undefined;
  if (analysis.oracle.acquisition(made)?.kind === 'client') return 'client';
  const member = resolveModuleMember(made.callee, moduleBindings(analysis.ast));
  const fromPackage = member !== undefined && !member.module.startsWith('.') && !member.module.startsWith('/') && !isNodeBuiltin(member.module);
  return fromPackage ? 'package value' : undefined;
}

/** Past `await`, and `.catch(…)`/`.then(…)`/`.finally(…)` chained on the connect. */
function unwrapSettlement(value: Node): Node {
  let current = value;
  for (;;) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = current.argument;
    else if (
      current.type === AST_NODE_TYPES.CallExpression &&
      current.callee.type === AST_NODE_TYPES.MemberExpression &&
      !current.callee.computed &&
      current.callee.property.type === AST_NODE_TYPES.Identifier &&
      ['catch', 'then', 'finally'].includes(current.callee.property.name)
    ) {
      current = current.callee.object;
    } else return current;
  }
}

function readsOnlyInstanceAndModule(analysis: Analysis, expression: Node): boolean {
  let ok = true;
  walk(expression, (node) => {
    if (!ok) return false;
    if (node.type === AST_NODE_TYPES.AwaitExpression || node.type === AST_NODE_TYPES.Super) ok = false;
    // `this.url.host`: the object decides; the property names are not variables.
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
      ok = readsOnlyInstanceAndModule(analysis, node.object);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Property && !node.computed) {
      ok = readsOnlyInstanceAndModule(analysis, node.value);
      return false;
    }
    if (node.type === AST_NODE_TYPES.Identifier) {
      const scope = findVariable(analysis.scopeManager, node)?.scope.type;
      if (scope !== undefined && scope !== 'module' && scope !== 'global') ok = false;
    }
    return undefined;
  });
  return ok;
}

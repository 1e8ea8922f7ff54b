import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { InstanceMaker } from './instance-lifetime';
import { fieldName } from './long-lived-collections';

/** Calls that empty a field's collection wholesale: `this.values.fill(undefined)`, `this.index.clear()`. */
const EMPTYING_METHODS = new Set(['clear', 'fill', 'splice']);

/** Fewer reset fields than this is a method that happens to clear something, not a reset of the instance. */
const MIN_RESET_FIELDS = 2;

/** `this.name` (or `this.#name`): the field's name, else undefined. */
function thisField(node: Node): string | undefined {
  const member = unwrapExpression(node);
  if (member.type !== AST_NODE_TYPES.MemberExpression || member.computed || member.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return fieldName(member.property);
}

/**
 * `[]`, `{}`, `new Map()`, `new Array(n)`: a fresh, empty collection. Counters set to 0 and references
 * set to null are not counted: a `stop()` that drops its socket is not a reset of the instance's state.
 */
function isEmptyCollection(node: Node): boolean {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.ArrayExpression) return value.elements.length === 0;
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value.properties.length === 0;
  return value.type === AST_NODE_TYPES.NewExpression;
}

const isZero = (node: Node): boolean => {
  const value = unwrapExpression(node);
  return value.type === AST_NODE_TYPES.Literal && value.value === 0;
};

/** The fields a method empties wholesale, and whether it mentions `name` at all. */
function resetFields(method: TSESTree.MethodDefinition, name: string): { fields: Set<string>; mentions: boolean } {
  const fields = new Set<string>();
  let mentions = false;
  walk(method.value, (node) => {
    if (node.type === AST_NODE_TYPES.MemberExpression && thisField(node) === name) mentions = true;
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
      const field = thisField(node.callee.object);
      const method = node.callee.computed ? undefined : fieldName(node.callee.property);
      if (field !== undefined && method !== undefined && EMPTYING_METHODS.has(method)) fields.add(field);
    }
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=') {
      const field = thisField(node.left);
      if (field !== undefined && isEmptyCollection(node.right)) fields.add(field);
      // `this.items.length = 0`
      const target = unwrapExpression(node.left);
      if (target.type === AST_NODE_TYPES.MemberExpression && !target.computed && fieldName(target.property) === 'length' && isZero(node.right)) {
        const owner = thisField(target.object);
        if (owner !== undefined) fields.add(owner);
      }
    }
  });
  return { fields, mentions };
}

/**
 * A method of the class that resets the instance — empties several of its other collection fields
 * wholesale (`clear()` refilling an LRU's slot arrays) — but never touches the collection field `name`,
 * which is pruned only one key at a time (`deletedKeys`) by code that finds keys through the state the
 * reset wipes (an LRU's index evicted through its slot list), entries written before a reset are
 * never reached again: the reset makes the collection outlive what bounds it.
 */
export function resetLeavingOut(cls: InstanceMaker, name: string, deletedKeys: readonly Node[]): TSESTree.MethodDefinition | undefined {
  if (cls.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.kind !== 'method' || element.static) continue;
    const { fields, mentions } = resetFields(element, name);
    fields.delete(name);
    // A delete of a key its caller names (`removeConnection(connection)`) still reaches every entry
    // after the reset: only keys found through the wiped state (`this.names.shift()`) are lost with it.
    if (!mentions && fields.size >= MIN_RESET_FIELDS && deletedKeys.every((key) => readsAnyField(key, fields))) return element;
  }
  return undefined;
}

/**
 * Whether `key` reads one of `fields` (`this.names.shift()`, `this.slots[i]`), directly or through a
 * local it was read into (`const k = this.keys[head]; this.keyMap.delete(k!)`).
 */
function readsAnyField(key: Node, fields: ReadonlySet<string>): boolean {
  const plain = unwrapExpression(key);
  const local = plain.type === AST_NODE_TYPES.Identifier ? localInitialiser(plain) : undefined;
  if (local && readsAnyField(local, fields)) return true;
  let found = false;
  walk(key, (node) => {
    if (found) return false;
    const field = node.type === AST_NODE_TYPES.MemberExpression ? thisField(node) : undefined;
    if (field !== undefined && fields.has(field)) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** `const name = value` declared in the function around `name` (by name: no scope analysis here): `value`. */
function localInitialiser(name: TSESTree.Identifier): Node | undefined {
  const fn = enclosingFunction(name);
  if (!fn) return undefined;
  let init: Node | undefined;
  walk(fn.body, (node) => {
    if (init) return false;
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.id.name === name.name && node.init && node.range[1] <= name.range[0]) init = node.init;
    return undefined;
  });
  return init;
}

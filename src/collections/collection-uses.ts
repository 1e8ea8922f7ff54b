import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { GrowingKind } from './collection-kind';
import { sameExpression } from './self-limiting-growth';

/**
 * What one reference does to a collection:
 * - `grow`: may add an entry under a new key (`set`, `add`, `push`, `unshift`, `c[k] = v`, `Object.assign(c, …)`);
 * - `shrink`: removes entries or bounds them (`delete`, `clear`, `pop`, `shift`, `splice`, `length =`,
 *   reassignment, a size guard such as `if (cache.size > MAX)`);
 * - `read`, `has`, `iterate`: look without changing (iteration order matters to lru-cache);
 * - `escape`: handed to code this module does not show (another function, a return, an object);
 * - `export`: made visible to other modules, which may shrink it.
 */
export type CollectionUseKind = 'grow' | 'shrink' | 'read' | 'has' | 'iterate' | 'escape' | 'export';

export interface CollectionUse {
  readonly kind: CollectionUseKind;
  /** The reference itself (an identifier, or `Registry.cache`). */
  readonly reference: Node;
  /** The expression the use is: the call, the assignment, the `delete`, the `in` test … */
  readonly site: Node;
  /** `set`, `push`, `index-write`, `index-read`, `delete`, `object-keys` …: what a rewrite must translate. */
  readonly operation: string;
  /** For keyed operations: the key expression. */
  readonly key?: Node;
}

// `load`, `loadMany`, `prime`, `clearAll`: a DataLoader's cache (see caching-loaders) is a map kept by
// the loader; no Map has these methods, so they only ever apply to a loader.
const GROW_METHODS: Readonly<Record<GrowingKind, readonly string[]>> = {
  map: ['set', 'load', 'loadMany', 'prime'],
  set: ['add'],
  array: ['push', 'unshift'],
  record: [],
};
const SHRINK_METHODS: Readonly<Record<GrowingKind, readonly string[]>> = {
  map: ['delete', 'clear', 'clearAll'],
  set: ['delete', 'clear'],
  array: ['pop', 'shift', 'splice'],
  record: [],
};
const ITERATE_METHODS = new Set(['forEach', 'keys', 'values', 'entries', 'rkeys', 'rvalues', 'rentries']);
const COMPARISONS = new Set(['<', '<=', '>', '>=', '==', '===', '!=', '!==']);
/** Functions that only look at what they are given: passing a cache to them is not an escape. */
const READ_ONLY_CALLS = new Set(['JSON.stringify', 'console.log', 'console.info', 'console.debug', 'console.warn', 'console.error', 'String', 'structuredClone']);
const ITERATING_CALLS = new Set(['Object.keys', 'Object.values', 'Object.entries', 'Array.from']);

function calleeText(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier) {
    const name = staticPropertyName(callee);
    return name === undefined ? undefined : `${callee.object.name}.${name}`;
  }
  return undefined;
}

/** `Object.prototype.hasOwnProperty.call(c, k)`. */
function isHasOwnPropertyCall(call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'call') return false;
  const method = unwrapExpression(callee.object);
  return method.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(method) === 'hasOwnProperty';
}

/** `x.size > MAX`, `Object.keys(c).length >= LIMIT`: the code watches the size, so it bounds it. */
function isSizeGuard(sizeRead: Node): boolean {
  const outer = outermostWrapper(sizeRead);
  const parent = outer.parent;
  return parent?.type === AST_NODE_TYPES.BinaryExpression && COMPARISONS.has(parent.operator);
}

function isLiteralKey(key: Node | undefined): boolean {
  const node = key ? unwrapExpression(key) : undefined;
  return node?.type === AST_NODE_TYPES.Literal || (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0);
}

function isExportTarget(node: Node): boolean {
  const target = unwrapExpression(node);
  if (target.type === AST_NODE_TYPES.Identifier) return target.name === 'exports';
  if (target.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(target.object);
  if (object.type === AST_NODE_TYPES.Identifier && object.name === 'module' && staticPropertyName(target) === 'exports') return true;
  return isExportTarget(target.object);
}

/** `module.exports = { cache }`, `exports.cache = cache`. */
function isCommonJsExport(value: Node): boolean {
  let current: Node = value;
  while (current.parent && (current.parent.type === AST_NODE_TYPES.Property || current.parent.type === AST_NODE_TYPES.ObjectExpression)) {
    current = current.parent;
  }
  const parent = current.parent;
  return parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current && isExportTarget(parent.left);
}

function use(kind: CollectionUseKind, reference: Node, site: Node, operation: string, key?: Node): CollectionUse {
  return { kind, reference, site, operation, ...(key ? { key } : {}) };
}

/** `c.method(…)`, `c.size`, `c.length = 0`, `c[k]`, `c[k] = v`, `delete c[k]`. */
function memberUse(kind: GrowingKind, reference: Node, member: TSESTree.MemberExpression): CollectionUse {
  const parent = outermostWrapper(member).parent;
  const name = member.computed ? undefined : staticPropertyName(member);
  if (name !== undefined) {
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === outermostWrapper(member)) {
      const key = parent.arguments[0];
      if (GROW_METHODS[kind].includes(name)) {
        // `cache.set('config', …)`: one fixed key cannot grow the map.
        const constant = kind !== 'array' && isLiteralKey(key);
        return use(constant ? 'read' : 'grow', reference, parent, name, key);
      }
      if (SHRINK_METHODS[kind].includes(name)) return use('shrink', reference, parent, name, key);
      if (ITERATE_METHODS.has(name)) return use('iterate', reference, parent, name);
      if (name === 'has' || name === 'hasOwnProperty') return use('has', reference, parent, name, key);
      return use('read', reference, parent, name, key);
    }
    if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outermostWrapper(member)) {
      return name === 'length' && kind === 'array' ? use('shrink', reference, parent, 'length-write') : use('read', reference, parent, 'property-write');
    }
    if (name === 'size' || name === 'length') {
      return use(isSizeGuard(member) ? 'shrink' : 'read', reference, member, isSizeGuard(member) ? 'size-guard' : name);
    }
    return use('read', reference, member, 'property-read');
  }
  const key = member.property;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === outermostWrapper(member)) {
    return use(isLiteralKey(key) ? 'read' : 'grow', reference, parent, 'index-write', key);
  }
  if (parent?.type === AST_NODE_TYPES.UpdateExpression) return use(isLiteralKey(key) ? 'read' : 'grow', reference, parent, 'index-update', key);
  if (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'delete') return use('shrink', reference, parent, 'index-delete', key);
  return use('read', reference, member, 'index-read', key);
}

const INDEX_LOOKUPS = new Set(['indexOf', 'lastIndexOf', 'findIndex']);

/**
 * `spliceOne(this.clients, this.clients.indexOf(client))`, `removeAt(list, list.findIndex(…))`: a
 * helper handed an array and the index of one of its entries takes that entry out — the only use of
 * such an index is the entry at it, and helpers that read one entry take the entry, not the array.
 */
function removesAtIndexOf(call: TSESTree.CallExpression | TSESTree.NewExpression, array: Node): boolean {
  const index = call.arguments[1] ? unwrapExpression(call.arguments[1]) : undefined;
  if (call.type !== AST_NODE_TYPES.CallExpression || index?.type !== AST_NODE_TYPES.CallExpression) return false;
  const lookup = unwrapExpression(index.callee);
  if (lookup.type !== AST_NODE_TYPES.MemberExpression || !INDEX_LOOKUPS.has(staticPropertyName(lookup) ?? '')) return false;
  return sameExpression(lookup.object, array);
}

/** What `reference`, an expression denoting a collection of `kind`, does to it. */
export function classifyUse(kind: GrowingKind, reference: Node): CollectionUse {
  const outer = outermostWrapper(reference);
  const parent = outer.parent;
  if (!parent) return use('read', reference, outer, 'read');
  switch (parent.type) {
    case AST_NODE_TYPES.MemberExpression:
      if (parent.object === outer) return memberUse(kind, reference, parent);
      return use('read', reference, parent, 'key');
    case AST_NODE_TYPES.AssignmentExpression:
      if (parent.left === outer) return use('shrink', reference, parent, 'reassign');
      return use(isCommonJsExport(outer) ? 'export' : 'escape', reference, parent, 'assigned');
    case AST_NODE_TYPES.ForOfStatement:
    case AST_NODE_TYPES.ForInStatement:
      return parent.right === outer ? use('iterate', reference, parent, 'for') : use('shrink', reference, parent, 'reassign');
    case AST_NODE_TYPES.SpreadElement:
      return use('iterate', reference, parent, 'spread');
    case AST_NODE_TYPES.BinaryExpression:
      if (parent.operator === 'in' && parent.right === outer) return use('has', reference, parent, 'in', parent.left);
      return use('read', reference, parent, 'compare');
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression: {
      if (parent.callee === outer) return use('read', reference, parent, 'call');
      const callee = parent.type === AST_NODE_TYPES.CallExpression ? calleeText(parent) : undefined;
      const index = parent.arguments.indexOf(outer as TSESTree.CallExpressionArgument);
      if (callee === 'Object.assign') return use(index === 0 ? 'grow' : 'read', reference, parent, 'object-assign');
      if (callee === 'Object.hasOwn' && index === 0) return use('has', reference, parent, 'has-own', parent.arguments[1]);
      if (parent.type === AST_NODE_TYPES.CallExpression && isHasOwnPropertyCall(parent) && index === 0) {
        return use('has', reference, parent, 'has-own-property', parent.arguments[1]);
      }
      if (callee !== undefined && ITERATING_CALLS.has(callee)) {
        const lengthRead = outermostWrapper(parent).parent;
        if (callee === 'Object.keys' && lengthRead?.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(lengthRead) === 'length') {
          return use(isSizeGuard(lengthRead) ? 'shrink' : 'read', reference, parent, isSizeGuard(lengthRead) ? 'size-guard' : 'object-keys-length');
        }
        return use('iterate', reference, parent, callee === 'Object.keys' ? 'object-keys' : 'iterating-call');
      }
      if (callee !== undefined && READ_ONLY_CALLS.has(callee)) return use('read', reference, parent, 'read-only-call');
      if (kind === 'array' && index === 0 && removesAtIndexOf(parent, outer)) return use('shrink', reference, parent, 'remove-at-index');
      return use('escape', reference, parent, 'argument');
    }
    case AST_NODE_TYPES.ExportSpecifier:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return use('export', reference, parent, 'export');
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ReturnStatement:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.AwaitExpression:
      return use(isCommonJsExport(outer) ? 'export' : 'escape', reference, parent, 'value');
    default:
      return use('read', reference, parent, 'read');
  }
}

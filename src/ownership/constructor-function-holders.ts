import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression, walkSameFunction } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { endsField } from './field-releases';

type ConstructorFunction = TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

/**
 * `new RedisModel(config)` where `function RedisModel(config) { this.db = redis.createClient(…) }`
 * is a constructor function of this file (older JavaScript's class): each instance opens a client of
 * its own and keeps it in a field, so the instance is as much a client as what it holds — the ES5
 * form of the class holders the oracle knows (client-holders). Only a maker whose methods never end
 * the client is one: when a prototype method quits it (`this.db.quit()`, or through
 * `const db = this.db` in a callback) the object manages its connection's end itself, and the rule
 * does not judge how often that happens.
 */
export function constructorFunctionHolder(
  creation: Node,
  scopeManager: ScopeManagerLike,
  acquisition: (expression: Node) => ResourceEntry | undefined,
): ResourceEntry | undefined {
  const node = unwrapExpression(creation);
  if (node.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const name = dottedName(node.callee);
  if (name === undefined) return undefined;
  const maker = node.callee.type === AST_NODE_TYPES.Identifier ? constructorFunction(node.callee, scopeManager) : assignedConstructor(node.callee, name);
  if (!maker) return undefined;
  const held = heldField(maker, acquisition);
  if (!held) return undefined;
  // Methods reach the instance through `this` or an alias of it (`var self = this`): any receiver's
  // `.<field>.quit()` counts as the instance ending its client when the constructor itself used one.
  const holder = held.throughAlias ? 'any' : 'this';
  if (methodsOf(maker, name).some((method) => endsField(method, held.field, held.entry, holder))) return undefined;
  return {
    description: `\`${name}\` (which creates its own ${held.entry.description})`,
    kind: 'client',
    types: [{ from: 'file', name }],
    releases: [],
  };
}

/** `Datastore` for `Datastore`, `datastore.Datastore` for that member chain of plain names; undefined otherwise. */
function dottedName(node: Node): string | undefined {
  const value = unwrapExpression(node);
  if (value.type === AST_NODE_TYPES.Identifier) return value.name;
  if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed || value.property.type !== AST_NODE_TYPES.Identifier) return undefined;
  const object = dottedName(value.object);
  return object === undefined ? undefined : `${object}.${value.property.name}`;
}

/**
 * `datastore.Datastore = function (opts) {…}`, the one assignment to that member chain in the file:
 * a constructor function kept on a module's export object (hook.io-datastore).
 */
function assignedConstructor(callee: Node, name: string): ConstructorFunction | undefined {
  let program: Node = callee;
  while (program.parent) program = program.parent;
  return assignedFunctions(program).get(name) ?? undefined;
}

/** Per file, one walk: each member chain assigned exactly once, to the function expression it was given (null otherwise). */
const assignedFunctionsByFile = new WeakMap<Node, ReadonlyMap<string, ConstructorFunction | null>>();

function assignedFunctions(program: Node): ReadonlyMap<string, ConstructorFunction | null> {
  const known = assignedFunctionsByFile.get(program);
  if (known) return known;
  const found = new Map<string, ConstructorFunction | null>();
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = dottedName(node.left);
    if (name === undefined) return undefined;
    const value = unwrapExpression(node.right);
    found.set(name, found.has(name) || value.type !== AST_NODE_TYPES.FunctionExpression ? null : value);
    return undefined;
  });
  assignedFunctionsByFile.set(program, found);
  return found;
}

/** `function RedisModel() {…}` or `const RedisModel = function () {…}`, never reassigned. */
function constructorFunction(callee: TSESTree.Identifier, scopeManager: ScopeManagerLike): ConstructorFunction | undefined {
  const variable = findVariable(scopeManager, callee);
  if (!variable || variable.defs.length !== 1) return undefined;
  const definition = variable.defs[0].node;
  if (definition.type === AST_NODE_TYPES.FunctionDeclaration) return definition;
  if (definition.type === AST_NODE_TYPES.VariableDeclarator && definition.init) {
    const init = unwrapExpression(definition.init);
    if (init.type === AST_NODE_TYPES.FunctionExpression) return init;
  }
  return undefined;
}

/**
 * `this.db = <client acquisition>` in the constructor function's own body, or through an alias of
 * `this` declared there (`var self = this; self.client = redis.createClient(…)`).
 */
function heldField(maker: ConstructorFunction, acquisition: (expression: Node) => ResourceEntry | undefined) {
  const aliases = thisAliases(maker);
  let held: { field: string; entry: ResourceEntry; throughAlias: boolean } | undefined;
  walkSameFunction(maker.body, (node) => {
    if (held) return false;
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=') return undefined;
    const field = thisField(node.left) ?? aliasField(node.left, aliases);
    if (field === undefined) return undefined;
    const entry = acquisition(node.right);
    if (entry?.kind === 'client') held = { field, entry, throughAlias: thisField(node.left) === undefined };
    return undefined;
  });
  return held;
}

/** `self` in `var self = this` (never reassigned) in the constructor function's own body. */
function thisAliases(maker: ConstructorFunction): Set<string> {
  const names = new Set<string>();
  walkSameFunction(maker.body, (node) => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier && node.init && unwrapExpression(node.init).type === AST_NODE_TYPES.ThisExpression) {
      names.add(node.id.name);
    }
  });
  if (names.size === 0) return names;
  walkSameFunction(maker.body, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier) names.delete(node.left.name);
  });
  return names;
}

function aliasField(target: Node, aliases: ReadonlySet<string>): string | undefined {
  const node = unwrapExpression(target);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = unwrapExpression(node.object);
  return object.type === AST_NODE_TYPES.Identifier && aliases.has(object.name) ? staticPropertyName(node) : undefined;
}

function thisField(target: Node): string | undefined {
  const node = unwrapExpression(target);
  if (node.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(node.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return staticPropertyName(node);
}

/**
 * The functions that run as the instance's methods: `Maker.prototype.m = function …`, the methods of
 * `Maker.prototype = { … }`, and `this.m = function …` in the constructor.
 */
function methodsOf(maker: ConstructorFunction, name: string): Node[] {
  const methods: Node[] = [];
  walkSameFunction(maker.body, (node) => {
    if (node.type === AST_NODE_TYPES.AssignmentExpression && thisField(node.left) !== undefined && isFunction(unwrapExpression(node.right))) methods.push(node.right);
  });
  let program: Node | undefined = maker;
  while (program.parent) program = program.parent;
  walk(program, (node) => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const target = node.left;
    const onPrototype = (member: Node) => member.type === AST_NODE_TYPES.MemberExpression && dottedName(member.object) === name && staticPropertyName(member) === 'prototype';
    if (onPrototype(target)) methods.push(node.right);
    else if (onPrototype(target.object)) methods.push(node.right);
    return undefined;
  });
  return methods;
}

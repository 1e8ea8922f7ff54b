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
  if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const maker = constructorFunction(node.callee, scopeManager);
  if (!maker) return undefined;
  const held = heldField(maker, acquisition);
  if (!held) return undefined;
  const name = node.callee.name;
  if (methodsOf(maker, name).some((method) => endsField(method, held.field, held.entry, 'this'))) return undefined;
  return {
    description: `\`${name}\` (which creates its own ${held.entry.description})`,
    kind: 'client',
    types: [{ from: 'file', name }],
    releases: [],
  };
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

/** `this.db = <client acquisition>` in the constructor function's own body. */
function heldField(maker: ConstructorFunction, acquisition: (expression: Node) => ResourceEntry | undefined) {
  let held: { field: string; entry: ResourceEntry } | undefined;
  walkSameFunction(maker.body, (node) => {
    if (held) return false;
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=') return undefined;
    const field = thisField(node.left);
    if (field === undefined) return undefined;
    const entry = acquisition(node.right);
    if (entry?.kind === 'client') held = { field, entry };
    return undefined;
  });
  return held;
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
    const onPrototype = (member: Node) =>
      member.type === AST_NODE_TYPES.MemberExpression &&
      member.object.type === AST_NODE_TYPES.Identifier &&
      member.object.name === name &&
      staticPropertyName(member) === 'prototype';
    if (onPrototype(target)) methods.push(node.right);
    else if (onPrototype(target.object)) methods.push(node.right);
    return undefined;
  });
  return methods;
}

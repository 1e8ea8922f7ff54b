import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { findVariable } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { clientSlotsOf } from './client-slot-writes';
import { KeyOrigins } from '../collections/key-origin';

/**
 * Where a class declared in this file writes its own fields outside its constructor (`this.user = user`
 * in `load`): one instance shared by every caller would share that state between them, so
 * `singleton-client` must not share it. A field filled lazily (`this.pool ??= …`, `if (!this.pool)
 * this.pool = …`) is the same for every caller and does not count, and neither is the wrapper's own
 * connection slot (see client-slot-writes). Classes from packages are not looked into: undefined.
 */
export function instanceStateWrite(analysis: Analysis, callee: Node): string | undefined {
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const definition = findVariable(analysis.scopeManager, callee)?.defs[0];
  const declared = definition?.node;
  if (!declared) return undefined;
  if (declared.type === AST_NODE_TYPES.ClassDeclaration || declared.type === AST_NODE_TYPES.ClassExpression) {
    return classStateWrite(declared.body, clientSlotsOf(analysis, classMethods(declared.body))) ?? identityField(analysis, declared.body);
  }
  if (declared.type === AST_NODE_TYPES.FunctionDeclaration) return prototypeStateWrite(analysis, callee.name);
  return undefined;
}

function classMethods(body: TSESTree.ClassBody): TSESTree.FunctionExpression[] {
  return body.body.flatMap((member) =>
    member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'constructor' && !member.static && member.value.type === AST_NODE_TYPES.FunctionExpression ? [member.value] : [],
  );
}

function classStateWrite(body: TSESTree.ClassBody, clientSlots: ReadonlySet<string>): string | undefined {
  for (const member of body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind === 'constructor' || member.static) continue;
    const name = member.key.type === AST_NODE_TYPES.Identifier || member.key.type === AST_NODE_TYPES.PrivateIdentifier ? member.key.name : 'a method';
    const written = fieldWrittenIn(member.value, clientSlots);
    if (written) return `\`this.${written}\` in \`${name}\``;
  }
  return undefined;
}

/** ES5: `Model.prototype.load = function () { this.user = … }`. */
function prototypeStateWrite(analysis: Analysis, className: string): string | undefined {
  const methods = prototypeMethods(analysis.ast, className);
  const clientSlots = clientSlotsOf(analysis, methods.map(({ method }) => method));
  for (const { name, method } of methods) {
    const written = fieldWrittenIn(method, clientSlots);
    if (written) return `\`this.${written}\` in \`${name}\``;
  }
  return undefined;
}

function prototypeMethods(program: TSESTree.Program, className: string): { name: string; method: TSESTree.FunctionExpression }[] {
  const methods: { name: string; method: TSESTree.FunctionExpression }[] = [];
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
    const { left, right } = statement.expression;
    if (left.type !== AST_NODE_TYPES.MemberExpression || left.object.type !== AST_NODE_TYPES.MemberExpression) continue;
    const owner = left.object;
    const onPrototype =
      owner.object.type === AST_NODE_TYPES.Identifier && owner.object.name === className && owner.property.type === AST_NODE_TYPES.Identifier && owner.property.name === 'prototype';
    if (!onPrototype || right.type !== AST_NODE_TYPES.FunctionExpression) continue;
    methods.push({ name: left.property.type === AST_NODE_TYPES.Identifier ? left.property.name : 'a method', method: right });
  }
  return methods;
}

/** The first `this.<field> = …` of a method body that is not a lazy fill; nested functions with their own `this` skipped. */
function fieldWrittenIn(fn: TSESTree.FunctionExpression | TSESTree.TSEmptyBodyFunctionExpression, clientSlots: ReadonlySet<string>): string | undefined {
  if (!fn.body) return undefined;
  let written: string | undefined;
  walk(fn.body, (node) => {
    if (written) return false;
    if (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration) return false;
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=') return undefined;
    const target = node.left;
    if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
    const field = target.property.type === AST_NODE_TYPES.Identifier || target.property.type === AST_NODE_TYPES.PrivateIdentifier ? target.property.name : undefined;
    if (field && !isLazyFill(node, field) && !clientSlots.has(field)) written = field;
    return undefined;
  });
  return written;
}

/** `if (!this.pool) this.pool = …` (or in a block): filled once, the same for every caller. */
function isLazyFill(assignment: TSESTree.AssignmentExpression, field: string): boolean {
  let current: Node | undefined = assignment.parent;
  while (current && current.type !== AST_NODE_TYPES.IfStatement) {
    if (current.type !== AST_NODE_TYPES.ExpressionStatement && current.type !== AST_NODE_TYPES.BlockStatement) return false;
    current = current.parent;
  }
  const test = current?.test;
  if (test?.type !== AST_NODE_TYPES.UnaryExpression || test.operator !== '!') return false;
  const read = test.argument;
  return (
    read.type === AST_NODE_TYPES.MemberExpression &&
    read.object.type === AST_NODE_TYPES.ThisExpression &&
    (read.property.type === AST_NODE_TYPES.Identifier || read.property.type === AST_NODE_TYPES.PrivateIdentifier) &&
    read.property.name === field
  );
}

/**
 * `private readonly uniqueId = crypto.randomUUID()`, `this.createdAt = Date.now()` in the constructor:
 * each instance is made with an identity of its own (a lock's owner id, a session's token), which one
 * instance shared by every caller would hand to all of them (repo-automation-bots' `DatastoreLock`).
 */
function identityField(analysis: Analysis, body: TSESTree.ClassBody): string | undefined {
  const origins = new KeyOrigins(analysis.scopeManager);
  const generated = (value: Node | null | undefined) => value !== null && value !== undefined && origins.of(value) === 'generated';
  for (const member of body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && generated(member.value) && member.key.type === AST_NODE_TYPES.Identifier) {
      return `\`${member.key.name}\`, made anew for each instance`;
    }
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'constructor') continue;
    let found: string | undefined;
    walk(member.value, (node) => {
      if (found) return false;
      if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.MemberExpression || node.left.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
      if (node.left.property.type === AST_NODE_TYPES.Identifier && !node.left.computed && generated(node.right)) found = `\`this.${node.left.property.name}\`, made anew for each instance`;
      return undefined;
    });
    if (found) return found;
  }
  return undefined;
}

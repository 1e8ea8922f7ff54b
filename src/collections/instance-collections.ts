import type { TSESTree } from '@typescript-eslint/utils';
import type { Analysis } from '../analysis/analysis';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import { isGrowingKind } from './collection-kind';
import { instanceLifetime, type ClassNode } from './instance-lifetime';
import { createsValue, fieldName, kindOf, type LongLivedCollection } from './long-lived-collections';
import { thisAliasReferences } from './this-aliases';
import type { ScopeManagerLike } from '../ast/scopes';

/**
 * `this` in instance code of `cls`: a method (not static), the constructor, an instance field
 * initialiser, or an arrow function inside one of them.
 */
export function isInstanceThis(node: TSESTree.ThisExpression, cls: ClassNode): boolean {
  for (let current: Node | undefined = node.parent; current; current = current.parent) {
    if (isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) {
      const method = current.parent;
      return method?.type === AST_NODE_TYPES.MethodDefinition && !method.static && method.parent === cls.body;
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) return false;
    if (current.type === AST_NODE_TYPES.PropertyDefinition) return !current.static && current.parent === cls.body;
  }
  return false;
}

// Asked once per field of every class: one walk per class, its `this.<field>` members by field name.
const instanceMembersByClass = new WeakMap<ClassNode, ReadonlyMap<string, readonly TSESTree.MemberExpression[]>>();

function instanceMembersOf(cls: ClassNode): ReadonlyMap<string, readonly TSESTree.MemberExpression[]> {
  const cached = instanceMembersByClass.get(cls);
  if (cached) return cached;
  const byName = new Map<string, TSESTree.MemberExpression[]>();
  walk(cls.body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.object.type !== AST_NODE_TYPES.ThisExpression) return;
    const name = fieldName(node.property);
    if (name === undefined || !isInstanceThis(node.object, cls)) return;
    const members = byName.get(name);
    if (members) members.push(node);
    else byName.set(name, [node]);
  });
  instanceMembersByClass.set(cls, byName);
  return byName;
}

/** `this.<name>` (or `this.#name`) in the instance code of `cls`, and `self.<name>` through a method's `const self = this`. */
function instanceReferences(scopeManager: ScopeManagerLike, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): TSESTree.MemberExpression[] {
  const found = [...(instanceMembersOf(cls).get(name) ?? [])];
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static) continue;
    found.push(...thisAliasReferences(scopeManager, element.value, name, (self) => isInstanceThis(self, cls)));
  }
  return found;
}

/** The constructor's own `this.<name> = new Map()` (not in a callback): the field's initial value. */
function constructorAssignments(cls: ClassNode): Map<string, TSESTree.AssignmentExpression> {
  const assignments = new Map<string, TSESTree.AssignmentExpression>();
  const constructor = cls.body.body.find(
    (element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  for (const statement of constructor?.value.body?.body ?? []) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
    const target = unwrapExpression(expression.left);
    if (target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.object.type !== AST_NODE_TYPES.ThisExpression) continue;
    const name = fieldName(target.property);
    if (name !== undefined && !assignments.has(name)) assignments.set(name, expression);
  }
  return assignments;
}

function moduleLevelClasses(program: TSESTree.Program): ClassNode[] {
  const classes: ClassNode[] = [];
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration
        ? statement.declaration
        : statement;
    if (declaration?.type === AST_NODE_TYPES.ClassDeclaration && declaration.id) classes.push(declaration);
  }
  return classes;
}

/**
 * Collections in instance fields of module-level classes, with how long the instances live. A field
 * is the class's own state whatever its visibility: other modules rarely shrink another object's
 * cache, so a public field is judged like a private one.
 */
export function instanceFields(analysis: Analysis): LongLivedCollection[] {
  const found: LongLivedCollection[] = constructorFunctionFields(analysis);
  for (const cls of moduleLevelClasses(analysis.ast)) {
    let lifetime: ReturnType<typeof instanceLifetime> | undefined;
    const assigned = constructorAssignments(cls);
    const declared = new Map<string, TSESTree.PropertyDefinition>();
    for (const element of cls.body.body) {
      if (element.type !== AST_NODE_TYPES.PropertyDefinition || element.static || element.computed || element.declare) continue;
      const name = fieldName(element.key);
      if (name !== undefined) declared.set(name, element);
    }
    for (const name of new Set([...declared.keys(), ...assigned.keys()])) {
      const field = declared.get(name);
      const assignment = assigned.get(name);
      const init = field?.value ?? assignment?.right;
      if (!init || !createsValue(init)) continue;
      const annotation = field?.typeAnnotation?.typeAnnotation;
      const kind = kindOf(analysis, init, field?.key ?? assignment!.left, annotation);
      if (!isGrowingKind(kind)) continue;
      lifetime ??= instanceLifetime(analysis.ast, analysis.scopeManager, cls);
      if (lifetime.kind === 'per-call') break;
      // The constructor's own initial assignment is the creation, not a reassignment.
      const creation = field?.value ? undefined : assignment && unwrapExpression(assignment.left);
      found.push({
        name: `this.${name}`,
        kind,
        declaration: field ?? assignment!,
        init,
        annotation,
        exportedByDeclaration: false,
        references: instanceReferences(analysis.scopeManager, cls, name).filter((reference) => reference !== creation),
        aliases: [],
        holder: { kind: 'instance', className: cls.id?.name ?? 'class', lifetime, cls },
      });
    }
  }
  return found;
}

/** `Connection.prototype.execute = function …`, `Connection.prototype = { execute() {} }`: the prototype's methods. */
function prototypeMethods(program: TSESTree.Program, name: string): Map<string, TSESTree.FunctionExpression> {
  const methods = new Map<string, TSESTree.FunctionExpression>();
  const isPrototypeOf = (node: Node) =>
    node.type === AST_NODE_TYPES.MemberExpression && !node.computed && fieldName(node.property) === 'prototype' && node.object.type === AST_NODE_TYPES.Identifier && node.object.name === name;
  const addObject = (object: Node) => {
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
    for (const property of object.properties) {
      const key = property.type === AST_NODE_TYPES.Property && !property.computed ? fieldName(property.key) : undefined;
      if (key !== undefined && property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.FunctionExpression) methods.set(key, property.value);
    }
  };
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
    const expression = statement.expression;
    if (expression.type === AST_NODE_TYPES.AssignmentExpression && expression.left.type === AST_NODE_TYPES.MemberExpression) {
      const target = expression.left;
      const method = !target.computed ? fieldName(target.property) : undefined;
      if (isPrototypeOf(target.object) && method !== undefined && expression.right.type === AST_NODE_TYPES.FunctionExpression) methods.set(method, expression.right);
      if (isPrototypeOf(target)) addObject(expression.right);
    }
    // `Object.assign(Connection.prototype, { … })`
    if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments[0] && isPrototypeOf(expression.arguments[0])) {
      for (const argument of expression.arguments.slice(1)) addObject(argument);
    }
  }
  return methods;
}

/** The function whose `this` a `this` is: the nearest enclosing function that is not an arrow function. */
function ownerOfThis(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return current;
  }
  return undefined;
}

/**
 * Older JavaScript's classes: a module-level `function Connection() { this.handlers = {}; }` with
 * methods on its prototype. Its `this.<field>` in the constructor and the prototype's methods (and
 * arrow functions inside them) is the instance's field.
 */
function constructorFunctionFields(analysis: Analysis): LongLivedCollection[] {
  const found: LongLivedCollection[] = [];
  for (const statement of analysis.ast.body) {
    const fn = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (fn?.type !== AST_NODE_TYPES.FunctionDeclaration || !fn.id || !/^[A-Z]/.test(fn.id.name)) continue;
    const methods = prototypeMethods(analysis.ast, fn.id.name);
    if (methods.size === 0) continue;
    const owners = new Set<Node>([fn, ...methods.values()]);
    let lifetime: ReturnType<typeof instanceLifetime> | undefined;
    const seen = new Set<string>();
    for (const bodyStatement of fn.body.body) {
      if (bodyStatement.type !== AST_NODE_TYPES.ExpressionStatement || bodyStatement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
      const assignment = bodyStatement.expression;
      const target = unwrapExpression(assignment.left);
      if (assignment.operator !== '=' || target.type !== AST_NODE_TYPES.MemberExpression || target.computed || target.object.type !== AST_NODE_TYPES.ThisExpression) continue;
      const name = fieldName(target.property);
      if (name === undefined || seen.has(name) || !createsValue(assignment.right)) continue;
      seen.add(name);
      const kind = kindOf(analysis, assignment.right, target, undefined);
      if (!isGrowingKind(kind)) continue;
      lifetime ??= instanceLifetime(analysis.ast, analysis.scopeManager, fn, [...methods.keys()]);
      if (lifetime.kind === 'per-call') break;
      const references: TSESTree.MemberExpression[] = [];
      for (const owner of owners) {
        walk(owner, (node) => {
          if (node !== owner && isFunction(node) && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return false;
          if (node.type === AST_NODE_TYPES.MemberExpression && node !== target && !node.computed && fieldName(node.property) === name && node.object.type === AST_NODE_TYPES.ThisExpression) references.push(node);
          return undefined;
        });
        // `var client = this`: the alias is the instance in the method and the callbacks it creates.
        references.push(...thisAliasReferences(analysis.scopeManager, owner, name, (self) => ownerOfThis(self) === owner));
      }
      found.push({
        name: `this.${name}`,
        kind,
        declaration: assignment,
        init: assignment.right,
        annotation: undefined,
        exportedByDeclaration: false,
        references,
        aliases: [],
        holder: { kind: 'instance', className: fn.id.name, lifetime, cls: fn },
      });
    }
  }
  return found;
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { calledLocalFunction } from '../ast/local-functions';
import { isFunction, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

/**
 * A value a method keeps in an instance field only to reach it from itself and its helpers:
 * `this.browser = await puppeteer.launch()` … `await this.close()` (whose body closes `this.browser`),
 * `this.connection = await this.pool.connect()` … `this.connection.release()`. The method that
 * acquires it and releases it (directly, or through a method of its class) owns it like a local;
 * the field is a way of passing it around, not an instance that outlives the call.
 */
export interface MethodScopedField {
  /** `browser` for `this.browser`. */
  readonly field: string;
  /** The method's calls that release it: `this.f.close()`, or `this.close()` whose body does. */
  readonly releases: readonly Node[];
  /** The release method called on the field (`close`, `release`). */
  readonly releaseMethod: string;
}

/** `this.browser`, `this.#browser`: the field's name; undefined for anything else. */
export function thisFieldName(target: Node): string | undefined {
  const node = unwrapExpression(target);
  if (node.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(node.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
  if (!node.computed && node.property.type === AST_NODE_TYPES.PrivateIdentifier) return `#${node.property.name}`;
  return staticPropertyName(node);
}

/** `this.browser = <acquisition>`: the field, when the acquisition is assigned to one. */
export function assignedThisField(acquisition: Node): string | undefined {
  const value = outermostWrapper(acquisition);
  const assignment = value.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.right !== value) return undefined;
  return thisFieldName(assignment.left);
}

/** A method of a class (not its constructor, not a nested callback): where the instance's work runs. */
function isClassMethod(owner: FunctionNode): boolean {
  const member = owner.parent;
  return member?.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'method' && member.value === owner;
}

/** `this.<field>.<method>()` (optional chaining too): the method's name, when `call` is one on the field. */
function fieldMethodCall(call: TSESTree.CallExpression, field: string): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return thisFieldName(callee.object) === field ? staticPropertyName(callee) : undefined;
}

/**
 * The release method that `fn` calls on `this.<field>`, if it calls one: in its own body or in a
 * callback of it (`end() { return new Promise((resolve) => { … this.client.end(); }) }`).
 */
function releasedIn(fn: FunctionNode, field: string, methods: ReadonlySet<string>): string | undefined {
  let found: string | undefined;
  walk(fn.body, (node) => {
    if (found) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const method = fieldMethodCall(node, field);
    if (method !== undefined && methods.has(method)) found = method;
    return undefined;
  });
  return found;
}

/** `return this.f`, `x = this.f`, `const x = this.f`, `register(this.f)`: the method hands the value on. */
function handsOn(owner: FunctionNode, field: string, acquisition: Node): boolean {
  let found = false;
  walkSameFunction(owner.body, (node) => {
    if (found) return false;
    if (thisFieldName(node) !== field || isInsideNode(node, acquisition)) return undefined;
    const value = outermostWrapper(node);
    const parent = value.parent;
    if (
      parent?.type === AST_NODE_TYPES.ReturnStatement ||
      (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === value) ||
      (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value) ||
      parent?.type === AST_NODE_TYPES.Property ||
      parent?.type === AST_NODE_TYPES.ArrayExpression
    ) {
      found = true;
    }
    return undefined;
  });
  return found;
}

function isInsideNode(node: Node, container: Node): boolean {
  return node.range[0] >= container.range[0] && node.range[1] <= container.range[1];
}

/**
 * The method-scoped field `acquisition` is assigned to, when the method releases it on some path:
 * by a release method on `this.<field>` in its own body, or by calling a method of its class whose
 * body does. A method that acquires into a field and never releases it there is setting up the
 * instance (`connect()`), whose lifetime is another question.
 */
export function methodScopedField(acquisition: Node, owner: FunctionNode, methods: ReadonlySet<string>, scopeManager: ScopeManagerLike): MethodScopedField | undefined {
  const field = assignedThisField(acquisition);
  if (field === undefined || !isClassMethod(owner)) return undefined;
  const releases: Node[] = [];
  let releaseMethod: string | undefined;
  walkSameFunction(owner.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const own = fieldMethodCall(node, field);
    if (own !== undefined && methods.has(own)) {
      releases.push(node);
      releaseMethod ??= own;
      return undefined;
    }
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(callee.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
    const helper = calledLocalFunction(node, scopeManager);
    if (!helper || helper === owner || !isFunction(helper)) return undefined;
    const released = releasedIn(helper, field, methods);
    if (released) {
      releases.push(node);
      releaseMethod ??= released;
    }
    return undefined;
  });
  if (releases.length === 0 || releaseMethod === undefined || handsOn(owner, field, acquisition)) return undefined;
  // `this.client?.release(); this.client = await this.pool.connect();`: a reconnect ends the previous
  // value and keeps the new one in the instance; the field outlives this call.
  if (releases.some((release) => release.range[0] < acquisition.range[0])) return undefined;
  return { field, releases, releaseMethod };
}

/**
 * `this.client = client` somewhere, and a method of the class that calls `this.client.end()`: the
 * class says what ends the value, so the value must be ended. The release method's name, if so.
 */
export function releaseOfStoringClass(references: readonly Node[], methods: ReadonlySet<string>): string | undefined {
  for (const reference of references) {
    const value = outermostWrapper(reference);
    const assignment = value.parent;
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== value) continue;
    const field = thisFieldName(assignment.left);
    if (field === undefined) continue;
    const owner = enclosingClassOf(assignment);
    for (const member of owner?.body.body ?? []) {
      if (member.type !== AST_NODE_TYPES.MethodDefinition || !isFunction(member.value)) continue;
      const released = releasedIn(member.value, field, methods);
      if (released) return released;
    }
  }
  return undefined;
}

function enclosingClassOf(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}

/** The calls of `owner`'s own body of one of `methods` on `this.<field>`. */
export function fieldMethodCalls(owner: FunctionNode, field: string, methods: ReadonlySet<string>): Set<Node> {
  const calls = new Set<Node>();
  if (methods.size === 0) return calls;
  walkSameFunction(owner.body, (node) => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const method = fieldMethodCall(node, field);
    if (method !== undefined && methods.has(method)) calls.add(node);
    return undefined;
  });
  return calls;
}

/**
 * `await this.start(); … finally { await this.stop(); }` where `start()` assigns `this.<field>` an
 * acquisition and `stop()` releases it: the method brackets the field's value with its own set-up
 * and tear-down, directly or through methods of its class, so whatever is made from that value
 * inside the method ends with it. `isAcquisition` says whether an assigned value is one.
 */
export function fieldBracketedByMethod(
  owner: FunctionNode,
  field: string,
  methods: ReadonlySet<string>,
  scopeManager: ScopeManagerLike,
  isAcquisition: (value: Node) => boolean,
): boolean {
  if (!isClassMethod(owner)) return false;
  const setsUp = (fn: FunctionNode) => {
    let found = false;
    walkSameFunction(fn.body, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.AssignmentExpression && node.operator === '=' && thisFieldName(node.left) === field && isAcquisition(node.right)) found = true;
      return undefined;
    });
    return found;
  };
  let setUp = setsUp(owner);
  let released = releasedIn(owner, field, methods) !== undefined;
  walkSameFunction(owner.body, (node) => {
    if (setUp && released) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrapExpression(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(callee.object).type !== AST_NODE_TYPES.ThisExpression) return undefined;
    const helper = calledLocalFunction(node, scopeManager);
    if (!helper || helper === owner || !isFunction(helper)) return undefined;
    setUp ||= setsUp(helper);
    released ||= releasedIn(helper, field, methods) !== undefined;
    return undefined;
  });
  return setUp && released;
}

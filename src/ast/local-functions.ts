import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from './node-types';
import { isFunction, outermostWrapper, unwrapExpression, walkSameFunction, type FunctionNode } from './predicates';
import { findVariable, type ScopeManagerLike } from './scopes';
import { walk, type Node } from './traverse';
import { programOf } from './program-of';

/**
 * Functions of this file and the calls that run them, found without types: `connect()` for a
 * `function connect` or `const connect = () => …`, `this.#initProducer()` for a method of the
 * enclosing class, `this.kafka.produceEvent()` for a method whose name only one class of the file
 * declares. What a call of one does (acquire a client, churn connections) is what its body does.
 */

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** `key() {}`, `#key() {}`, `key = () => …` in a class body: the member's name as code calls it. */
function memberName(member: TSESTree.ClassElement): string | undefined {
  if (member.type !== AST_NODE_TYPES.MethodDefinition && member.type !== AST_NODE_TYPES.PropertyDefinition) return undefined;
  if (member.computed) return undefined;
  if (member.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${member.key.name}`;
  return member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : undefined;
}

/** The function a class member runs when called: a method, or a field holding an arrow or function. */
function memberFunction(member: TSESTree.ClassElement): FunctionNode | undefined {
  if (member.type === AST_NODE_TYPES.MethodDefinition) return member.kind === 'method' && isFunction(member.value) ? member.value : undefined;
  if (member.type === AST_NODE_TYPES.PropertyDefinition && member.value && isFunction(member.value)) return member.value;
  return undefined;
}

/** `foo.bar` / `foo.#bar` / `foo['bar']`: the accessed name, with `#` for private names. */
function accessedName(member: TSESTree.MemberExpression): string | undefined {
  if (!member.computed) {
    return member.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${member.property.name}` : member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
  }
  return member.property.type === AST_NODE_TYPES.Literal && typeof member.property.value === 'string' ? member.property.value : undefined;
}

function enclosingClass(node: Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}

/** The function declared as `function name` or `const name = () => …` that a variable holds. */
function declaredFunction(definitionNode: Node): FunctionNode | undefined {
  if (definitionNode.type === AST_NODE_TYPES.FunctionDeclaration) return definitionNode;
  if (definitionNode.type === AST_NODE_TYPES.VariableDeclarator && definitionNode.init) {
    const init = unwrapExpression(definitionNode.init);
    if (isFunction(init)) return init;
  }
  return undefined;
}

/**
 * `Agent.prototype.exec = function (…) { … }`: a method of a constructor function, the pre-class way
 * of declaring one (node-sqlagent's `Agent`, serverless-pg's `ServerlessClient`). The constructor's
 * name and the method's; undefined for anything else.
 */
export function prototypeMethodOf(fn: FunctionNode): { constructor: string; name: string } | undefined {
  const assignment = fn.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.right !== fn || fn.type === AST_NODE_TYPES.ArrowFunctionExpression) return undefined;
  const target = unwrapExpression(assignment.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const prototype = unwrapExpression(target.object);
  if (prototype.type !== AST_NODE_TYPES.MemberExpression || accessedName(prototype) !== 'prototype') return undefined;
  const constructor = unwrapExpression(prototype.object);
  const name = accessedName(target);
  return constructor.type === AST_NODE_TYPES.Identifier && name !== undefined ? { constructor: constructor.name, name } : undefined;
}

/** The constructor whose prototype method (or an arrow inside one) `node` is in: what `this` is an instance of there. */
function enclosingPrototypeOwner(node: Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
    return prototypeMethodOf(current)?.constructor;
  }
  return undefined;
}

/** Every prototype method of the file, by constructor and name. */
function prototypeMethods(program: TSESTree.Program): Map<string, FunctionNode> {
  const methods = new Map<string, FunctionNode>();
  walk(program, (node) => {
    if (isFunction(node)) {
      const method = prototypeMethodOf(node);
      if (method) methods.set(`${method.constructor}.${method.name}`, node);
    }
  });
  return methods;
}

const prototypeMethodsByProgram = new WeakMap<TSESTree.Program, Map<string, FunctionNode>>();

function prototypeMethod(node: Node, constructor: string, name: string): FunctionNode | undefined {
  const program = programOf(node);
  if (!program) return undefined;
  let methods = prototypeMethodsByProgram.get(program);
  if (!methods) {
    methods = prototypeMethods(program);
    prototypeMethodsByProgram.set(program, methods);
  }
  return methods.get(`${constructor}.${name}`);
}

/**
 * `client` in `client.connect()` when the file made it with `new ServerlessClient(…)` (a `const`, or
 * a variable assigned only there): the name of the class or constructor function it is an instance
 * of. A call on it runs that class's method, however common the method's name.
 */
function instanceOf(receiver: Node, scopeManager: ScopeManagerLike): string | undefined {
  const node = unwrapExpression(receiver);
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = findVariable(scopeManager, node);
  if (!variable || variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
  const definition = variable.defs[0].node;
  if (definition.type !== AST_NODE_TYPES.VariableDeclarator || !definition.init) return undefined;
  const init = unwrapExpression(definition.init);
  const made = init.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(init.argument) : init;
  if (made.type !== AST_NODE_TYPES.NewExpression) return undefined;
  const callee = unwrapExpression(made.callee);
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
}

/** The function of this file that `call` runs, when the source says which. */
export function calledLocalFunction(call: TSESTree.CallExpression, scopeManager: ScopeManagerLike): FunctionNode | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(scopeManager, callee);
    // Reassigned names may hold anything by the time of the call.
    if (!variable || variable.defs.length !== 1 || variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined;
    // A parameter's definition node is the function that declares it: `getLogger()` called through a
    // parameter runs whatever the caller passed, not the enclosing function.
    const definition = variable.defs[0];
    if (definition.type !== 'FunctionName' && definition.type !== 'Variable') return undefined;
    return declaredFunction(definition.node);
  }
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = accessedName(callee);
  if (name === undefined) return undefined;
  const receiver = unwrapExpression(callee.object);
  if (receiver.type === AST_NODE_TYPES.ThisExpression) {
    const owner = enclosingClass(callee);
    const member = owner?.body.body.find((candidate) => memberName(candidate) === name && !('static' in candidate && candidate.static));
    if (member) return memberFunction(member);
    const constructor = owner ? undefined : enclosingPrototypeOwner(callee);
    if (constructor !== undefined) return prototypeMethod(callee, constructor, name);
    return owner ? undefined : constructorAssignedMethod(callee, name);
  }
  return undefined;
}

/**
 * `function S3Util() { this.createClient = function () {…}; this.upload = async function () {
 * this.createClient() } }`: older JavaScript gives each instance its methods in the constructor
 * function. A `this.<name>()` in one of them runs the function the constructor assigns to
 * `this.<name>`, when it assigns exactly one.
 */
function constructorAssignedMethod(callee: TSESTree.MemberExpression, name: string): FunctionNode | undefined {
  const method = enclosingOwnThisFunction(callee);
  const assigned = method ? instanceMethodAssignment(method) : undefined;
  const constructor = assigned ? enclosingOwnThisFunction(assigned) : undefined;
  if (!constructor || constructor.type === AST_NODE_TYPES.ArrowFunctionExpression || constructor.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
  const candidates: FunctionNode[] = [];
  for (const statement of constructor.body.body) {
    const expression = statement.type === AST_NODE_TYPES.ExpressionStatement ? statement.expression : undefined;
    if (expression?.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
    const target = unwrapExpression(expression.left);
    if (target.type !== AST_NODE_TYPES.MemberExpression || unwrapExpression(target.object).type !== AST_NODE_TYPES.ThisExpression || accessedName(target) !== name) continue;
    const value = unwrapExpression(expression.right);
    if (!isFunction(value)) return undefined;
    candidates.push(value);
  }
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** The nearest enclosing function that has its own `this` (arrows inherit theirs). */
function enclosingOwnThisFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current) && current.type !== AST_NODE_TYPES.ArrowFunctionExpression) return current;
  }
  return undefined;
}

/** The `this.<name> = fn` statement of a constructor function that assigns `fn`, as a node inside that constructor. */
function instanceMethodAssignment(fn: FunctionNode): TSESTree.AssignmentExpression | undefined {
  const assignment = outermostWrapper(fn).parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
  const target = unwrapExpression(assignment.left);
  return target.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(target.object).type === AST_NODE_TYPES.ThisExpression ? assignment : undefined;
}

// Asked of the same functions by every factory and wrapper question: one walk per function body.
const returnArgumentsByBody = new WeakMap<Node, readonly Node[]>();

function returnArgumentsOf(body: TSESTree.BlockStatement): readonly Node[] {
  let values = returnArgumentsByBody.get(body);
  if (!values) {
    const collected: Node[] = [];
    walkSameFunction(body, (node) => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) collected.push(node.argument);
    });
    values = collected;
    returnArgumentsByBody.set(body, values);
  }
  return values;
}

/**
 * The values a function hands back: its `return` arguments (not those of nested functions), or an
 * arrow's expression body; `const producer = …; return producer` is followed to the initialiser.
 */
export function returnedValues(fn: FunctionNode, scopeManager: ScopeManagerLike): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  return returnArgumentsOf(fn.body).map((value) => {
    const unwrapped = unwrapExpression(value);
    if (unwrapped.type !== AST_NODE_TYPES.Identifier) return value;
    const variable = findVariable(scopeManager, unwrapped);
    const definition = variable?.defs.length === 1 ? variable.defs[0].node : undefined;
    // Only a value this function keeps to itself until it returns it: one also put in a cache or a
    // module variable (`cached = c; return c`) is a lazy singleton's, not a fresh one per call.
    const keptLocal = variable?.references.every((reference) => {
      if (reference.init) return true;
      if (reference.isWrite()) return false;
      const parent = outermostWrapper(reference.identifier).parent;
      return parent?.type === AST_NODE_TYPES.ReturnStatement || (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outermostWrapper(reference.identifier));
    });
    const ownLocal = definition !== undefined && definition.range[0] >= fn.range[0] && definition.range[1] <= fn.range[1];
    return definition?.type === AST_NODE_TYPES.VariableDeclarator && definition.init && ownLocal && keptLocal && definition.id.type === AST_NODE_TYPES.Identifier ? definition.init : value;
  });
}

/** A class of this file with the method `fn`, and the name code calls it by. */
function methodOf(fn: FunctionNode): { owner: ClassNode; name: string; static: boolean } | undefined {
  const member = fn.parent;
  if ((member?.type !== AST_NODE_TYPES.MethodDefinition && member?.type !== AST_NODE_TYPES.PropertyDefinition) || member.value !== fn) return undefined;
  if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind !== 'method') return undefined;
  const name = memberName(member);
  const owner = member.parent.parent;
  return name === undefined ? undefined : { owner, name, static: member.static };
}

/**
 * Names so common on built-ins and libraries (`map.get`, `emitter.on`, `db.query`) that a call of
 * one on an unknown receiver says nothing about which class's method runs.
 */
const AMBIGUOUS_METHOD_NAMES = new Set([
  'get', 'set', 'has', 'delete', 'add', 'clear', 'push', 'pop', 'shift', 'map', 'filter', 'forEach', 'find', 'reduce', 'then',
  'catch', 'finally', 'on', 'once', 'off', 'emit', 'send', 'query', 'execute', 'close', 'end', 'destroy', 'connect', 'disconnect',
  'write', 'read', 'start', 'stop', 'run', 'call', 'apply', 'bind', 'toString', 'valueOf', 'toJSON', 'init', 'open', 'handle',
  'request', 'fetch', 'update', 'create', 'remove', 'save', 'load', 'next', 'publish', 'subscribe', 'listen', 'use', 'log',
]);

/** Every method name the file's classes declare, with how many declare it. */
function methodNameCounts(program: TSESTree.Program): Map<string, number> {
  const counts = new Map<string, number>();
  walk(program, (node) => {
    if (node.type === AST_NODE_TYPES.ClassBody) {
      for (const member of node.body) {
        const name = memberName(member);
        if (name !== undefined && memberFunction(member)) counts.set(name, (counts.get(name) ?? 0) + 1);
      }
    }
    const prototype = isFunction(node) ? prototypeMethodOf(node) : undefined;
    if (prototype) counts.set(prototype.name, (counts.get(prototype.name) ?? 0) + 1);
  });
  return counts;
}

const countsByProgram = new WeakMap<TSESTree.Program, Map<string, number>>();

/**
 * The calls in this file that run `fn`: by its name for a declared function (exported or not), by
 * `this.m()` inside its class, `ClassName.m()` for a static method, and `anything.m()` elsewhere when
 * only one class of the file declares `m` and the name is not one every library uses.
 */
export function callSitesOf(fn: FunctionNode, scopeManager: ScopeManagerLike, calls: readonly TSESTree.CallExpression[]): TSESTree.CallExpression[] {
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn ? fn.parent : undefined;
  if (holder) {
    const variable = scopeManager.getDeclaredVariables(holder)[0];
    if (!variable) return [];
    return variable.references.flatMap((reference) => {
      const call = outermostWrapper(reference.identifier).parent;
      return call?.type === AST_NODE_TYPES.CallExpression && call.callee === outermostWrapper(reference.identifier) ? [call] : [];
    });
  }
  const method = methodOf(fn) ?? prototypeMember(fn);
  const program = programOf(fn);
  if (!method || !program) return [];
  let counts = countsByProgram.get(program);
  if (!counts) {
    counts = methodNameCounts(program);
    countsByProgram.set(program, counts);
  }
  const unique = counts.get(method.name) === 1 && !AMBIGUOUS_METHOD_NAMES.has(method.name) && !method.name.startsWith('#');
  const className = typeof method.owner === 'string' ? method.owner : method.owner.id?.name;
  return calls.filter((call) => {
    const callee = unwrapExpression(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || accessedName(callee) !== method.name) return false;
    const receiver = unwrapExpression(callee.object);
    if (receiver.type === AST_NODE_TYPES.ThisExpression) {
      return typeof method.owner === 'string' ? enclosingPrototypeOwner(callee) === method.owner : enclosingClass(callee) === method.owner;
    }
    if (method.static) return receiver.type === AST_NODE_TYPES.Identifier && receiver.name === className;
    // `client.connect()` on a `new ServerlessClient(…)` of this file runs its `connect`, common name or not.
    const instance = className === undefined ? undefined : instanceOf(receiver, scopeManager);
    if (instance !== undefined) return instance === className;
    return unique;
  });
}

/** A prototype method in the shape methodOf gives: its constructor's name stands for the class. */
function prototypeMember(fn: FunctionNode): { owner: string; name: string; static: boolean } | undefined {
  const method = prototypeMethodOf(fn);
  return method && { owner: method.constructor, name: method.name, static: false };
}

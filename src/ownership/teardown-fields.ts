import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import type { ResourceEntry } from '../registry/resource-entry';
import { endsField } from './field-releases';
import { assignedThisField, thisFieldName } from './method-scoped-field';

/**
 * The methods a class offers to end an instance: whoever is done with it calls one, and from then on
 * nothing else will release what the instance holds.
 */
const TEARDOWN_METHODS = new Set(['dispose', 'close', 'destroy', 'stop', 'shutdown', 'terminate', 'disconnect', 'cleanup', 'teardown', 'unmount']);

const DECLARES_TEARDOWN = /\b(?:dispose|close|destroy|stop|shutdown|terminate|disconnect|cleanup|teardown|unmount)\s*\([^)]*\)\s*(?::[^{]*)?\{/;

/** A cheap text check: a file with no method that could end an instance has no teardown to judge. */
export function mayDeclareTeardown(sourceText: string): boolean {
  return DECLARES_TEARDOWN.test(sourceText);
}

export interface FieldLeftByTeardown {
  readonly field: string;
  readonly teardown: TSESTree.MethodDefinition & { value: TSESTree.FunctionExpression };
  readonly teardownName: string;
  /** The release the entry names, by method (`close`), and whether it returns a promise. */
  readonly release: { readonly method: string; readonly async: boolean };
  /** Filled by the constructor's own body: present whenever the teardown runs. */
  readonly alwaysSet: boolean;
}

function classOfMethod(owner: FunctionNode): { cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression; method: TSESTree.MethodDefinition } | undefined {
  const method = owner.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.value !== owner || method.static) return undefined;
  const cls = method.parent?.parent;
  return cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression ? { cls, method } : undefined;
}

function teardownOf(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): FieldLeftByTeardown['teardown'] | undefined {
  for (const element of cls.body.body) {
    if (element.type !== AST_NODE_TYPES.MethodDefinition || element.static || element.kind !== 'method' || element.computed) continue;
    const name = element.key.type === AST_NODE_TYPES.Identifier ? element.key.name : element.key.type === AST_NODE_TYPES.Literal ? String(element.key.value) : undefined;
    if (name !== undefined && TEARDOWN_METHODS.has(name) && element.value.type === AST_NODE_TYPES.FunctionExpression && element.value.body) {
      return element as FieldLeftByTeardown['teardown'];
    }
  }
  return undefined;
}

/**
 * Every mention of `this.<field>` in the class is the field's own business: filling it, testing it,
 * calling its methods or reading its properties. Handed to anyone else (an argument, a return, another
 * variable, a collection), the value may be released by them.
 */
function keptToItself(cls: Node, field: string): boolean {
  let handedOn = false;
  walk(cls, (node) => {
    if (handedOn) return false;
    if (thisFieldName(node) !== field) return undefined;
    const reference = outermostWrapper(node);
    const parent = reference.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === reference) return undefined;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === reference) return undefined;
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) return parent.test === reference ? undefined : ((handedOn = true), false);
    if (parent.type === AST_NODE_TYPES.UnaryExpression && (parent.operator === '!' || parent.operator === 'typeof')) return undefined;
    if (parent.type === AST_NODE_TYPES.LogicalExpression && parent.left === reference) return undefined;
    if (parent.type === AST_NODE_TYPES.BinaryExpression && (parent.operator === '===' || parent.operator === '!==' || parent.operator === '==' || parent.operator === '!=')) return undefined;
    handedOn = true;
    return false;
  });
  return !handedOn;
}

/**
 * The teardown (or a method of the class it calls) does something with the field other than forget
 * it: `this.worker.postMessage({ type: 'close' })` and a wait for its exit, `this.watcher.unwatch(…)`.
 * It ends the value its own way, by a protocol the registry does not name; only a teardown that
 * never touches the field leaves it open for sure.
 */
function teardownWorksOn(teardown: FieldLeftByTeardown['teardown'], field: string, cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression): boolean {
  const methods = new Map<string, TSESTree.FunctionExpression>();
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.key.type === AST_NODE_TYPES.Identifier && element.value.type === AST_NODE_TYPES.FunctionExpression) methods.set(element.key.name, element.value);
  }
  const visited = new Set<Node>();
  const touches = (body: Node): boolean => {
    if (visited.has(body)) return false;
    visited.add(body);
    let found = false;
    walk(body, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrapExpression(node.callee);
        // `this.worker.postMessage(…)`, `this.worker?.once('exit', …)`
        if (callee.type === AST_NODE_TYPES.MemberExpression && thisFieldName(callee.object) === field) found = true;
        // `this.stopWatching()`: one of the class's own methods, read too.
        const own = callee.type === AST_NODE_TYPES.MemberExpression && unwrapExpression(callee.object).type === AST_NODE_TYPES.ThisExpression ? methods.get(staticPropertyName(callee) ?? '') : undefined;
        if (own && touches(own.body)) found = true;
        if (node.arguments.some((argument) => thisFieldName(argument) === field)) found = true;
      }
      return found ? false : undefined;
    });
    return found;
  };
  return touches(teardown.value.body);
}

const ENDING_METHODS = new Set(['close', 'end', 'destroy', 'quit', 'disconnect', 'release', 'dispose', 'terminate', 'kill']);

/**
 * `this.page = await this.browser.newPage()` in a class that closes `this.browser`: what a resource
 * makes ends with it (a page with its browser, a channel with its connection).
 */
function madeByReleasedField(acquisition: Node, cls: Node): boolean {
  let produced = unwrapExpression(acquisition);
  if (produced.type === AST_NODE_TYPES.AwaitExpression) produced = unwrapExpression(produced.argument);
  if (produced.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrapExpression(produced.callee);
  const parent = callee.type === AST_NODE_TYPES.MemberExpression ? thisFieldName(callee.object) : undefined;
  if (parent === undefined) return false;
  let ended = false;
  walk(cls, (node) => {
    if (ended) return false;
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const member = unwrapExpression(node.callee);
    if (member.type === AST_NODE_TYPES.MemberExpression && thisFieldName(member.object) === parent && ENDING_METHODS.has(staticPropertyName(member) ?? '')) ended = true;
    return undefined;
  });
  return ended;
}

/**
 * `this.watcher = chokidar.watch(path)` in a class whose `dispose()` does not close it, nor does
 * anything else (podman-desktop's file-system watcher: dispose() ended its emitters and its parent
 * watcher, and every disposed instance kept its native watch handles). The class made the resource
 * and keeps it to itself, and it has a method that ends its instances: that method is where the
 * resource's life must end. A class with no such method says nothing about how long its instances
 * live, and one that extends another may inherit an end that releases what it holds.
 */
export function fieldLeftByTeardown(acquisition: Node, owner: FunctionNode, entry: ResourceEntry, ast: TSESTree.Program): FieldLeftByTeardown | undefined {
  const field = assignedThisField(acquisition);
  if (field === undefined) return undefined;
  const methods = entry.releases.filter((candidate): candidate is Extract<ResourceEntry['releases'][number], { method: string }> => 'method' in candidate && !candidate.method.startsWith('['));
  // `end()` where the entry offers it: a stream flushes what it buffered, a connection says goodbye.
  const release = methods.find((candidate) => candidate.method === 'end') ?? methods[0];
  if (!release) return undefined;
  const holder = classOfMethod(owner);
  if (!holder || holder.cls.superClass) return undefined;
  const teardown = teardownOf(holder.cls);
  if (!teardown || teardown === holder.method) return undefined;
  if (endsField(ast, field, entry, 'this') || !keptToItself(holder.cls, field)) return undefined;
  if (madeByReleasedField(acquisition, holder.cls) || teardownWorksOn(teardown, field, holder.cls)) return undefined;
  const teardownName = teardown.key.type === AST_NODE_TYPES.Identifier ? teardown.key.name : String((teardown.key as TSESTree.StringLiteral).value);
  const constructorStatement = holder.method.kind === 'constructor' && outermostWrapper(acquisition).parent?.parent?.parent === owner.body;
  return { field, teardown, teardownName, release: { method: release.method, async: Boolean('async' in release && release.async) }, alwaysSet: constructorStatement };
}

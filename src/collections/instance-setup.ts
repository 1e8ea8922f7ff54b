import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import { constructorOf, type InstanceMaker } from './instance-lifetime';

/**
 * Lifecycle hooks a DI container calls once per instance, right after making it (NestJS): set-up
 * code as much as the constructor is. Hooks that run per connection or per event are not here.
 */
const ONE_SHOT_HOOKS = new Set(['onModuleInit', 'onApplicationBootstrap']);

/**
 * `start()`, `init()` … of a class that also has a way to stop (`stop()`, `shutdown()`, `close()` …):
 * the lifecycle of a service, started once by whoever made it (trigger.dev's worker launching its
 * configured number of loops). Such a method counts as set-up unless the class calls it again itself
 * (a reconnect from an error listener), which makes it per-event code.
 */
const LIFECYCLE_STARTS = new Set(['start', 'init', 'initialize', 'setup', 'bootstrap']);
const LIFECYCLE_ENDS = new Set(['stop', 'shutdown', 'close', 'dispose', 'destroy', 'terminate']);

type MethodFunction = TSESTree.FunctionExpression;

function methodName(method: TSESTree.MethodDefinition): string | undefined {
  if (method.key.type === AST_NODE_TYPES.PrivateIdentifier) return `#${method.key.name}`;
  return !method.computed && method.key.type === AST_NODE_TYPES.Identifier ? method.key.name : undefined;
}

/** `private load()` or `#load()`: only the class itself can call it, so its callers are all in view. */
function isPrivate(method: TSESTree.MethodDefinition): boolean {
  return method.accessibility === 'private' || method.key.type === AST_NODE_TYPES.PrivateIdentifier;
}

/** Every `this.<name>` / `this.#name` in the class body, by name: one walk for all the methods asked about. */
function thisMemberReferences(cls: InstanceMaker & { body: TSESTree.ClassBody }): ReadonlyMap<string, TSESTree.MemberExpression[]> {
  const found = new Map<string, TSESTree.MemberExpression[]>();
  walk(cls.body, (node) => {
    if (node.type !== AST_NODE_TYPES.MemberExpression || node.computed || node.object.type !== AST_NODE_TYPES.ThisExpression) return;
    const property = node.property.type === AST_NODE_TYPES.PrivateIdentifier ? `#${node.property.name}` : node.property.name;
    const references = found.get(property);
    if (references) references.push(node);
    else found.set(property, [node]);
  });
  return found;
}

// Asked once per collection of the class, with the same answer: a class with many fields and private
// methods was walked once per method per round of the loop below, for each of its collections.
const setupByMaker = new WeakMap<InstanceMaker, ReadonlySet<Node>>();

/**
 * The functions of a class that run once per instance: its constructor, the one-shot lifecycle hooks,
 * and private methods whose every use is a direct call from one of those (`onModuleInit() {
 * this.loadFiles() }`, transitively). What they put in the instance's collections is filled once per
 * instance — a table loaded at start-up, not a cache that grows with traffic. A private method also
 * called from a handler, passed as a callback or called from a timer is not set-up code.
 */
export function instanceSetupFunctions(maker: InstanceMaker): ReadonlySet<Node> {
  let setup = setupByMaker.get(maker);
  if (!setup) {
    setup = findSetupFunctions(maker);
    setupByMaker.set(maker, setup);
  }
  return setup;
}

function findSetupFunctions(maker: InstanceMaker): ReadonlySet<Node> {
  const setup = new Set<Node>();
  const constructor = constructorOf(maker);
  if (constructor) setup.add(constructor);
  if (maker.type === AST_NODE_TYPES.FunctionDeclaration) return setup;
  const methods = maker.body.body.filter(
    (element): element is TSESTree.MethodDefinition & { value: MethodFunction } =>
      element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'method' && !element.static && isFunction(element.value),
  );
  for (const method of methods) if (ONE_SHOT_HOOKS.has(methodName(method) ?? '')) setup.add(method.value);
  const referencesByName = thisMemberReferences(maker);
  if (methods.some((method) => LIFECYCLE_ENDS.has(methodName(method) ?? ''))) {
    for (const method of methods) {
      const name = methodName(method);
      if (name === undefined || !LIFECYCLE_STARTS.has(name) || isPrivate(method)) continue;
      const calledAgain = (referencesByName.get(name) ?? []).some((reference) => !setup.has(enclosingFunction(reference) as Node));
      if (!calledAgain) setup.add(method.value);
    }
  }
  const candidates = methods.filter(isPrivate);
  if (candidates.length === 0) return setup;
  for (let changed = true; changed; ) {
    changed = false;
    for (const method of candidates) {
      const name = methodName(method);
      if (setup.has(method.value) || name === undefined) continue;
      const references = referencesByName.get(name) ?? [];
      const calledOnlyFromSetup =
        references.length > 0 &&
        references.every((reference) => {
          const call = reference.parent;
          return call?.type === AST_NODE_TYPES.CallExpression && call.callee === reference && setup.has(enclosingFunction(call) as Node);
        });
      if (calledOnlyFromSetup) {
        setup.add(method.value);
        changed = true;
      }
    }
  }
  return setup;
}

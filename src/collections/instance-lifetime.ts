import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isRepeatingListenerMethod } from '../ast/listener-methods';
import { enclosingFunction, isFunction, outermostWrapper, staticPropertyName, unwrapExpression, walkSameFunction } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';
import { lifetimeExecutionOf } from '../lifetime/execution';
import type { ClassUsesElsewhere } from '../oracle/class-instantiations';
import { parseOtherFile } from './other-file-instantiations';

export type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * What makes instances: a class, or (older JavaScript) a constructor function with methods on its
 * prototype (`function Connection() { this.handlers = {} }`, `Connection.prototype.execute = …`).
 */
export type InstanceMaker = ClassNode | TSESTree.FunctionDeclaration;

/** The function whose own body runs once per instance: a class's constructor, or the constructor function. */
export function constructorOf(maker: InstanceMaker): TSESTree.FunctionExpression | TSESTree.FunctionDeclaration | undefined {
  if (maker.type === AST_NODE_TYPES.FunctionDeclaration) return maker;
  const method = maker.body.body.find(
    (element): element is TSESTree.MethodDefinition => element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor',
  );
  return method?.value.type === AST_NODE_TYPES.FunctionExpression ? method.value : undefined;
}

/**
 * How long the instances of a class live, as far as one file shows it. Its fields' collections are
 * as long-lived as the instance (design: "a field of an object that lives long").
 * - `module`: an instance is made at module load and kept (`export const throttle = new Throttle()`,
 *   `module.exports = new Broker()`, a lazily created singleton in a static or module slot);
 * - `service`: the class is written to live as long as something that keeps running: a DI service
 *   (NestJS `@Injectable`, `@WebSocketGateway` …), a gateway with connection handlers
 *   (`handleConnection`), or a constructor that starts a server, an interval or a listener (the
 *   instance lives as long as the events it listens to);
 * - `per-call`: every instance this file makes is made in repeated code and dropped, and no other
 *   module can make one;
 * - `unknown`: none of the above (an exported class nobody here instantiates).
 */
export type InstanceLifetime =
  | { readonly kind: 'module'; readonly how: 'module-instance' | 'singleton-slot' | 'held-by-long-lived' }
  | { readonly kind: 'service'; readonly how: 'di-service' | 'connection-handlers' | 'owns-server' | 'owns-interval' | 'owns-listener' }
  | { readonly kind: 'per-call' }
  | { readonly kind: 'unknown' };

/** Decorators of DI containers whose classes are created once per application (NestJS, TypeDI, Angular, tsyringe). */
const SERVICE_DECORATORS = new Set([
  'Injectable',
  'Service',
  'Controller',
  'Resolver',
  'WebSocketGateway',
  'Gateway',
  'Processor',
  'Module',
  'singleton',
  'injectable',
  'Singleton',
]);

/** NestJS gateway and lifecycle hooks, socket.io/ws server adapters: methods of objects that serve many connections. */
const SERVICE_HOOKS = new Set([
  'handleConnection',
  'handleDisconnect',
  'afterInit',
  'onModuleInit',
  'onModuleDestroy',
  'onApplicationBootstrap',
  'onApplicationShutdown',
  'beforeApplicationShutdown',
]);

const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer', 'listen']);

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  let expression = unwrapExpression(decorator.expression);
  if (expression.type === AST_NODE_TYPES.CallExpression) expression = unwrapExpression(expression.callee);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(expression);
  return undefined;
}

function calleeMethod(call: TSESTree.CallExpression): string | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(callee);
  return undefined;
}

/** What the constructor starts that keeps running after it returns: a server, an interval, a listener. */
function startedByConstructor(cls: InstanceMaker): InstanceLifetime | undefined {
  const constructor = constructorOf(cls);
  if (!constructor) return undefined;
  let found: InstanceLifetime | undefined;
  // Only what the constructor itself runs, and field initialisers (which run with it).
  const visit = (root: Node) =>
    walkSameFunction(root, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.NewExpression) {
        const name = node.type === AST_NODE_TYPES.CallExpression ? calleeMethod(node) : undefined;
        const constructed = node.type === AST_NODE_TYPES.NewExpression ? unwrapExpression(node.callee) : undefined;
        if ((name && SERVER_FACTORIES.has(name)) || (constructed?.type === AST_NODE_TYPES.Identifier && /Server$/.test(constructed.name))) {
          found = { kind: 'service', how: 'owns-server' };
        } else if (name === 'setInterval') {
          found = { kind: 'service', how: 'owns-interval' };
        } else if (name && isRepeatingListenerMethod(name) && node.type === AST_NODE_TYPES.CallExpression && node.arguments.length >= 2) {
          found = { kind: 'service', how: 'owns-listener' };
        }
      }
      return undefined;
    });
  visit(constructor.body);
  if (cls.type === AST_NODE_TYPES.FunctionDeclaration) return found;
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.static && element.value) visit(element.value);
  }
  return found;
}

/** `new C(…)` (or `new this()` in its static code) everywhere in the file. */
function instantiations(program: TSESTree.Program, cls: InstanceMaker): TSESTree.NewExpression[] {
  const name = cls.id?.name;
  return newExpressionsOf(program).filter((node) => {
    const callee = unwrapExpression(node.callee);
    return (callee.type === AST_NODE_TYPES.Identifier && callee.name === name) || (callee.type === AST_NODE_TYPES.ThisExpression && isInsideNode(node, cls));
  });
}

// Asked for every class with a collection field: one walk of the file, not one per class.
const newExpressionsByProgram = new WeakMap<TSESTree.Program, readonly TSESTree.NewExpression[]>();

function newExpressionsOf(program: TSESTree.Program): readonly TSESTree.NewExpression[] {
  let found = newExpressionsByProgram.get(program);
  if (!found) {
    const collected: TSESTree.NewExpression[] = [];
    walk(program, (node) => {
      if (node.type === AST_NODE_TYPES.NewExpression) collected.push(node);
    });
    found = collected;
    newExpressionsByProgram.set(program, found);
  }
  return found;
}

function isInsideNode(node: Node, container: Node): boolean {
  for (let current: Node | undefined = node; current; current = current.parent) if (current === container) return true;
  return false;
}

/** `X.instance = new X()`, `instance ??= new X()`, `static instance = new X()`: a slot that keeps one instance for the process. */
function keptInSingletonSlot(creation: TSESTree.NewExpression): boolean {
  const outer = outermostWrapper(creation);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.static) return true;
  const assignment =
    parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === outer
      ? parent
      : parent?.type === AST_NODE_TYPES.LogicalExpression && parent.parent?.type === AST_NODE_TYPES.AssignmentExpression
        ? parent.parent
        : undefined;
  if (!assignment) return false;
  const target = unwrapExpression(assignment.left);
  if (target.type === AST_NODE_TYPES.MemberExpression) {
    const object = unwrapExpression(target.object);
    // `Broker.instance = …`, or `this.instance = …` in static code.
    return object.type === AST_NODE_TYPES.Identifier && /^[A-Z]/.test(object.name);
  }
  // A module-level `let instance` assigned inside a function: a lazily created singleton.
  return target.type === AST_NODE_TYPES.Identifier && isModuleLevelBinding(target);
}

function isModuleLevelBinding(identifier: TSESTree.Identifier): boolean {
  let program: Node | undefined = identifier;
  while (program?.parent) program = program.parent;
  if (program?.type !== AST_NODE_TYPES.Program) return false;
  return program.body.some((statement) => {
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    return (
      declaration?.type === AST_NODE_TYPES.VariableDeclaration &&
      declaration.declarations.some((declarator) => declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === identifier.name)
    );
  });
}

function isExported(cls: InstanceMaker): boolean {
  const parent = cls.parent;
  if (parent?.type === AST_NODE_TYPES.ExportNamedDeclaration || parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return true;
  const name = cls.id?.name;
  if (!name) return false;
  let program: Node | undefined = cls;
  while (program?.parent) program = program.parent;
  if (program?.type !== AST_NODE_TYPES.Program) return false;
  let exported = false;
  walk(program, (node) => {
    if (exported) return false;
    if (node.type === AST_NODE_TYPES.ExportSpecifier && node.local.type === AST_NODE_TYPES.Identifier && node.local.name === name) exported = true;
    if (node.type === AST_NODE_TYPES.ExportDefaultDeclaration && node.declaration.type === AST_NODE_TYPES.Identifier && node.declaration.name === name) exported = true;
    // `module.exports = Broker`, `module.exports = { Broker }`, `exports.Broker = Broker`.
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.right.type !== AST_NODE_TYPES.NewExpression) {
      const left = node.left.type === AST_NODE_TYPES.MemberExpression ? node.left : undefined;
      const target = left && (staticPropertyName(left) === 'exports' || (left.object.type === AST_NODE_TYPES.Identifier && left.object.name === 'exports'));
      let mentions = false;
      if (target) walk(node.right, (inner) => {
        if (inner.type === AST_NODE_TYPES.Identifier && inner.name === name) mentions = true;
      });
      if (mentions) exported = true;
    }
    return undefined;
  });
  return exported;
}

/**
 * `private readonly limiter = new Limiter()`, or `this.limiter = new Limiter()` in a constructor: the
 * class whose instance keeps the new one in a field (design: "Lifetimes propagate": what a long-lived
 * object holds lives as long as it).
 */
function holdingClass(creation: TSESTree.NewExpression): ClassNode | undefined {
  const outer = outermostWrapper(creation);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && !parent.static && parent.value === outer) {
    const cls = parent.parent?.parent;
    return cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression ? cls : undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.AssignmentExpression || parent.right !== outer) return undefined;
  const target = unwrapExpression(parent.left);
  if (target.type !== AST_NODE_TYPES.MemberExpression || target.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const fn = enclosingFunction(parent);
  const method = fn?.parent;
  if (method?.type !== AST_NODE_TYPES.MethodDefinition || method.kind !== 'constructor') return undefined;
  const cls = method.parent?.parent;
  return cls?.type === AST_NODE_TYPES.ClassDeclaration || cls?.type === AST_NODE_TYPES.ClassExpression ? cls : undefined;
}

/** What one `new C(…)` says about how long C's instances live. */
type SiteLifetime = InstanceLifetime | { readonly kind: 'held-by-unknown' } | { readonly kind: 'repeated' };

function siteLifetime(
  creation: TSESTree.NewExpression,
  scopeManager: ScopeManagerLike,
  cls: InstanceMaker,
  visiting: ReadonlySet<InstanceMaker>,
  lifetimeOfHolder: (holder: ClassNode) => InstanceLifetime | undefined,
): SiteLifetime {
  if (keptInSingletonSlot(creation)) return { kind: 'module', how: 'singleton-slot' };
  const holder = holdingClass(creation);
  if (holder && holder !== cls && !visiting.has(holder)) {
    const held = lifetimeOfHolder(holder);
    if (held?.kind === 'module' || held?.kind === 'service') return { kind: 'module', how: 'held-by-long-lived' };
    return held?.kind === 'per-call' ? { kind: 'repeated' } : { kind: 'held-by-unknown' };
  }
  if (!enclosingFunction(creation) && !isInsideFunctionlessClassBody(creation)) return { kind: 'module', how: 'module-instance' };
  if (lifetimeExecutionOf(creation, scopeManager).kind === 'once') return { kind: 'module', how: 'module-instance' };
  return { kind: 'repeated' };
}

/** The program's other files, read when the class is exported: what their `new C(…)` say. */
export interface OtherFiles {
  classUsesElsewhere(classId: TSESTree.Identifier): ClassUsesElsewhere | undefined;
}

/** How long the instances of `cls` live, as this file shows it (see madeOnlyPerCallElsewhere for the rest of the program). */
export function instanceLifetime(
  program: TSESTree.Program,
  scopeManager: ScopeManagerLike,
  cls: InstanceMaker,
  methodNames: readonly string[] = [],
  visiting: ReadonlySet<InstanceMaker> = new Set(),
): InstanceLifetime {
  const made = instantiations(program, cls);
  // Held in a field of an object whose lifetime is unknown: not dropped per call.
  let heldByUnknown = false;
  const lifetimeOfHolder = (holder: ClassNode) => instanceLifetime(program, scopeManager, holder, [], new Set([...visiting, cls]));
  for (const creation of made) {
    const site = siteLifetime(creation, scopeManager, cls, visiting, lifetimeOfHolder);
    if (site.kind === 'module' || site.kind === 'service') return site;
    if (site.kind === 'held-by-unknown') heldByUnknown = true;
  }
  const decorators = cls.type === AST_NODE_TYPES.FunctionDeclaration ? [] : (cls.decorators ?? []);
  if (decorators.some((decorator) => SERVICE_DECORATORS.has(decoratorName(decorator) ?? ''))) return { kind: 'service', how: 'di-service' };
  const hooks =
    methodNames.some((name) => SERVICE_HOOKS.has(name)) ||
    (cls.type !== AST_NODE_TYPES.FunctionDeclaration &&
      cls.body.body.some(
        (element) =>
          element.type === AST_NODE_TYPES.MethodDefinition && element.key.type === AST_NODE_TYPES.Identifier && SERVICE_HOOKS.has(element.key.name),
      ));
  if (hooks) return { kind: 'service', how: 'connection-handlers' };
  const started = startedByConstructor(cls);
  if (started) return started;
  if (heldByUnknown) return { kind: 'unknown' };
  if (!isExported(cls)) return made.length > 0 ? { kind: 'per-call' } : { kind: 'unknown' };
  return { kind: 'unknown' };
}

/**
 * An exported class whose lifetime this file does not show can be instantiated anywhere; with type
 * information (`otherFiles`) the rest of the program is read. When the program's own code makes
 * instances only in repeated code — `const processor = new StreamProcessor(…)` in a function run per
 * stream, here or in any other file — each kept to itself (a local, a return), and it hands the class
 * itself to nobody (no subclass, no factory or container given the class), its instances are per
 * call, as for a class the file keeps to itself. A class the program never instantiates outside tests
 * stays unknown (a library's users make its instances), and so does one another file keeps long: the
 * keys that file passes are not read here. Asked only of a collection about to be reported: reading
 * the other files costs a parse of each that makes an instance.
 */
export function madeOnlyPerCallElsewhere(program: TSESTree.Program, scopeManager: ScopeManagerLike, cls: InstanceMaker, otherFiles: OtherFiles): boolean {
  if (!cls.id || !isExported(cls)) return false;
  const elsewhere = otherFiles.classUsesElsewhere(cls.id);
  if (!elsewhere || elsewhere.escapes) return false;
  const made = instantiations(program, cls);
  const none = new Set<InstanceMaker>();
  if (!made.every((creation) => staysWithItsMaker(creation) && siteLifetime(creation, scopeManager, cls, none, () => undefined).kind === 'repeated')) return false;
  let repeatedSites = made.length;
  for (const file of elsewhere.files) {
    const parsed = parseOtherFile(file);
    if (!parsed) return false;
    for (const creation of parsed.creations) {
      // A holder in another file is not followed: its own lifetime would need that file's exports.
      // Kept long by another file: the keys that file passes are not read here, so what the class
      // does with arguments cannot be judged — it stays as unknown as before.
      if (siteLifetime(creation, parsed.scopeManager, cls, none, () => undefined).kind !== 'repeated' || !staysWithItsMaker(creation)) return false;
      repeatedSites += 1;
    }
  }
  return repeatedSites > 0;
}

/**
 * `const processor = new StreamProcessor(…)`, `return new Periods()`, `await new Job(…).run()`: the
 * new instance goes to a local of the function that makes it, back to its caller, or nowhere — not
 * into a collection, a field or another call.
 */
function staysWithItsMaker(creation: TSESTree.Node): boolean {
  const outer = outermostWrapper(creation);
  const parent = outer.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.init === outer && parent.id.type === AST_NODE_TYPES.Identifier;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement || parent?.type === AST_NODE_TYPES.ExpressionStatement) return true;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return staysWithItsMaker(parent);
  // `new Job(…).run()`: used once, right there.
  return parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === outer;
}

/** A `new X()` in a static field initialiser or a static block is module-load code, not "no function". */
function isInsideFunctionlessClassBody(node: Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return false;
    if (current.type === AST_NODE_TYPES.PropertyDefinition && !current.static) return true;
  }
  return false;
}

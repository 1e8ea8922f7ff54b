import type { TSESTree } from '@typescript-eslint/utils';
import { functionName } from '../ast/function-name';
import { isRepeatingListenerMethod } from '../ast/listener-methods';
import { isLoop } from '../ast/loops';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { thisCallsIn } from '../ast/this-calls';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import type { TypeOracle } from '../oracle/type-oracle';
import { stripNodePrefix } from '../registry/specifiers';
import { roleOfCallback, roleOfReturnedHandler, roleOfSignatureHandler, roleOfTypedHandler } from './callback-roles';
import { hasRequestSignature } from './request-objects';
import { handlerFactoryRegistration } from './returned-handlers';
import { requestContextRegistration } from './request-contexts';
import { invokedExport } from './invoked-exports';
import type { CallSiteRegistration, ExecutionRole, TimerFunction } from './execution-role';

/**
 * How often the code at a site runs, as far as the source says, and what runs it (`role`):
 * - `once`: module top level, a lazy-init guard, `main`, a top-level IIFE;
 * - `hot`: a recognised repeated path — a request/message/stream handler, a listener, a timer
 *   callback, a loop body (`node` is the function or loop);
 * - `repeated`: any other function. It may run many times: what it never releases leaks, but
 *   closing what it opens (a one-shot probe) is not connection churn.
 */
export type Execution =
  | { readonly kind: 'once'; readonly role: ExecutionRole }
  | { readonly kind: 'hot'; readonly role: ExecutionRole; readonly node: Node }
  | { readonly kind: 'repeated'; readonly role: ExecutionRole; readonly function: FunctionNode };

const ROUTER_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'route']);
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every']);
const CONSUMER_CALLBACKS = new Set(['eachMessage', 'eachBatch']);
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer']);
const TIMERS = new Set<string>(['setInterval', 'setTimeout', 'setImmediate'] satisfies TimerFunction[]);
const ENTRY_POINTS = new Set(['main', 'bootstrap', 'start', 'init']);

function calleeName(call: TSESTree.CallExpression): { object?: Node; name: string } | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return { name: callee.name };
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(callee);
    return name === undefined ? undefined : { object: callee.object, name };
  }
  return undefined;
}

function firstStringArgument(call: TSESTree.CallExpression): string | undefined {
  const first = call.arguments[0];
  if (first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string') return first.value;
  if (first?.type === AST_NODE_TYPES.TemplateLiteral && first.expressions.length === 0) return first.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** How a function passed as an argument (or an object property of one) is registered to run repeatedly, if its call site says so. */
function callbackRegistration(fn: FunctionNode): CallSiteRegistration | undefined {
  // `{ eachMessage: async () => … }`, `addService(def, { sayHello: (call, cb) => … })`
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    const key = parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    const object = parent.parent;
    const call = object?.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(object)) {
      const callee = calleeName(call);
      if (callee?.name === 'run' && key && CONSUMER_CALLBACKS.has(key)) return { via: 'consumer-run', callback: key };
      if (callee?.name === 'addService' && call.arguments[1] === object) return { via: 'service-implementation' };
      if (callee?.name === 'route' && key === 'handler' && callee.object) return { via: 'route-object', receiver: callee.object };
    }
    return undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  if (parent.type === AST_NODE_TYPES.NewExpression || !(parent.arguments as readonly Node[]).includes(fn)) return undefined;
  const callee = calleeName(parent);
  if (!callee) return undefined;
  const { name, object } = callee;
  if (TIMERS.has(name)) return { via: 'timer', timer: name as TimerFunction };
  if (SERVER_FACTORIES.has(name)) return { via: 'server-factory', factory: name };
  // `once` runs its listener once; `on('request' | 'message' | …)` for every event.
  if (isRepeatingListenerMethod(name)) return { via: 'listener', method: name, event: firstStringArgument(parent), target: object ?? parent.callee };
  // app.get('/x', handler), router.post(…), fastify.get(…): a path first, handlers after it.
  if (object && ROUTER_METHODS.has(name) && parent.arguments.length >= 2 && parent.arguments[0] !== fn && !isHttpClientModule(object)) {
    return { via: 'router', method: name, receiver: object };
  }
  if (object && name === 'use' && parent.arguments.length >= 1) return { via: 'middleware', receiver: object };
  if (ITERATION_METHODS.has(name)) return { via: 'iteration', method: name };
  return undefined;
}

/**
 * `http.get(url, (res) => …)`, `https.request(…)`: node's HTTP client, whose callback gets one
 * response of one outgoing request — not a route handler.
 */
function isHttpClientModule(receiver: Node): boolean {
  let root: Node | undefined = receiver;
  while (root?.parent) root = root.parent;
  if (root?.type !== AST_NODE_TYPES.Program) return false;
  const member = resolveModuleMember(receiver, moduleBindings(root));
  return member !== undefined && member.path.length === 0 && HTTP_CLIENT_MODULES.has(stripNodePrefix(member.module));
}

const HTTP_CLIENT_MODULES = new Set(['http', 'https', 'http2']);

/** `http.get(url, (res) => …)`: the function is the response callback of node's HTTP client. */
function isHttpClientCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !(call.arguments as readonly Node[]).includes(fn)) return false;
  const callee = unwrapExpression(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && isHttpClientModule(callee.object);
}

/**
 * `app.listen(port, () => …)`, `server.listen(port, host, cb)`: the callback runs once, when the
 * server is up (node's `net.Server`, express, koa, fastify all take it last). Start-up work there
 * (`app.listen(PORT, () => publish())`) lives as long as the process.
 */
function isListeningCallback(fn: FunctionNode): boolean {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.at(-1) !== fn) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'listen') return false;
  // `bus.listen('order', handler)`: an event API named `listen` runs its handler per event. A port,
  // a host, a socket path or an options object is not an event name.
  const first = call.arguments[0];
  return !(first !== fn && first?.type === AST_NODE_TYPES.Literal && typeof first.value === 'string' && /^[A-Za-z_$][\w:.-]*$/.test(first.value) && call.arguments.length === 2);
}

/** `(async () => { … })()` at module level runs once. */
function isTopLevelIife(fn: FunctionNode): boolean {
  const call = fn.parent;
  return (
    call?.type === AST_NODE_TYPES.CallExpression &&
    call.callee === fn &&
    call.parent?.type === AST_NODE_TYPES.ExpressionStatement &&
    call.parent.parent?.type === AST_NODE_TYPES.Program
  );
}

/** `function main()`, `const bootstrap = async () => …`: the names programs start with. */
function entryPointName(fn: FunctionNode): string | undefined {
  const declared = fn.type === AST_NODE_TYPES.FunctionDeclaration || fn.parent?.type === AST_NODE_TYPES.VariableDeclarator;
  const name = declared ? functionName(fn) : undefined;
  return name !== undefined && ENTRY_POINTS.has(name) ? name : undefined;
}

/** What `executionOf` asks the type oracle: which parameters are requests, responses or calls. */
export type RequestScopeOracle = Pick<TypeOracle, 'requestScopedType'>;

/** The role of a function from where it is passed or, with an oracle, from its parameters' types. */
function functionExecution(fn: FunctionNode, oracle: RequestScopeOracle | undefined): Execution {
  const registration = callbackRegistration(fn);
  if (registration) return { kind: 'hot', role: roleOfCallback(fn, registration, oracle), node: fn };
  // A client response is an `IncomingMessage` too: its callback serves no connection of ours.
  const handler = oracle && !isHttpClientCallback(fn) && roleOfTypedHandler(fn, oracle);
  if (handler) return { kind: 'hot', role: handler, node: fn };
  const factoryMade = handlerFactoryRegistration(fn);
  if (factoryMade) return { kind: 'hot', role: roleOfReturnedHandler(fn, factoryMade), node: fn };
  // `exports.getTables = (req, res, next) => …`: registered in another module, a handler all the same.
  if (hasRequestSignature(fn) && !isHttpClientCallback(fn)) return { kind: 'hot', role: roleOfSignatureHandler(fn), node: fn };
  // A per-event export has no connection object of its own: like a consumer callback, per message.
  const invoked = invokedExport(fn);
  if (invoked) return { kind: 'hot', role: { kind: 'consumer-callback', function: fn, registration: invoked }, node: fn };
  // Its request is a property of the context object: no parameter stands for the connection.
  const context = requestContextRegistration(fn);
  if (context) return { kind: 'hot', role: { kind: 'request-handler', function: fn, registration: context, framework: 'unknown', connection: [] }, node: fn };
  if (isTopLevelIife(fn)) return { kind: 'once', role: { kind: 'module-load', at: 'iife' } };
  if (isListeningCallback(fn)) return { kind: 'once', role: { kind: 'start-up', function: fn, name: 'listen', reason: 'listening' } };
  const entryPoint = entryPointName(fn);
  if (entryPoint) return { kind: 'once', role: { kind: 'start-up', function: fn, name: entryPoint, reason: 'entry-point' } };
  const effect = effectHook(fn);
  // An effect runs after renders, as often as its dependencies change: repeated, not a hot path.
  if (effect) return { kind: 'repeated', role: { kind: 'effect', function: fn, hook: effect }, function: fn };
  return { kind: 'repeated', role: { kind: 'function', function: fn }, function: fn };
}

const EFFECT_HOOKS = new Set(['useEffect', 'useLayoutEffect', 'useInsertionEffect']);

/** `useEffect(() => …, deps)`, `React.useLayoutEffect(…)`: the hook's name, when `fn` is its effect. */
function effectHook(fn: FunctionNode): string | undefined {
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return undefined;
  const name = calleeName(call)?.name;
  return name !== undefined && EFFECT_HOOKS.has(name) ? name : undefined;
}

/**
 * The execution of the code at `site`: loops inside its function first, then the function's role —
 * where it is passed (syntactic), or, with an oracle, the request/response/call types of its parameters.
 */
export function executionOf(site: Node, oracle?: RequestScopeOracle): Execution {
  for (let current: Node | undefined = site.parent, child: Node = site; current; child = current, current = current.parent) {
    // The loop's own header (`for (const x of await load())`) runs once per entry to the loop.
    if (isLoop(current) && current.body === child) return { kind: 'hot', role: { kind: 'loop-body', loop: current }, node: current };
    if (isFunction(current)) return functionExecution(current, oracle);
    if (current.type === AST_NODE_TYPES.PropertyDefinition && current.static) {
      return { kind: 'once', role: { kind: 'module-load', at: 'static-initialiser' } };
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) return { kind: 'once', role: { kind: 'module-load', at: 'static-block' } };
  }
  return { kind: 'once', role: { kind: 'module-load', at: 'top-level' } };
}

/** How far callers are followed: `main` → `registerRoutes` → `addRoute` is as deep as start-up code goes. */
const MAX_CALLER_DEPTH = 4;

/** The function's own variable, for a declaration or `const f = () => …`; undefined when it is exported. */
export function localFunctionVariable(fn: FunctionNode, scopeManager: ScopeManagerLike) {
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  if (!holder) return undefined;
  const statement = holder.type === AST_NODE_TYPES.VariableDeclarator ? holder.parent?.parent : holder.parent;
  if (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
  return scopeManager.getDeclaredVariables(holder)[0];
}

/** A loop body, or a `forEach`/`map` … callback: runs as often as the code around it, times a bounded count. */
function iterationOf(execution: Execution): Node | undefined {
  const role = execution.role;
  if (role.kind === 'loop-body') return role.loop;
  if (role.kind === 'iteration-callback') return role.function.parent;
  return undefined;
}

/**
 * `registerResolver(scheme, resolver)`, `defineRoute(…)`, `addLoadBalancerType(…)`,
 * `addIgnorePattern(…)`: what such a function fills is a registry that other modules (or the
 * command line) populate at start-up, not a cache that grows with traffic (grpc-js's resolver and
 * load-balancer registries, jscodeshift's ignore patterns are the models).
 */
const REGISTRATION_NAME = /^(use$|register|unregister|define|declare|install|provide|configure|setup|add[A-Z]\w*(Type|Handler|Plugin|Provider|Resolver|Middleware|Route|Service|Extension|Hook|Listener|Factory|Codec|Format|Command|Pattern|Rule|Filter|Matcher|Transform|Transformer|Loader|Parser|Validator|Formatter|Option|Options))/;

/**
 * `run.use = (middleware) => …`, `Router.prototype.register = function …`: a function declared by
 * assigning it to a property is named by that property, like a method.
 */
function assignedPropertyName(fn: FunctionNode): string | undefined {
  const assignment = fn.parent;
  if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.right !== fn || assignment.left.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  return staticPropertyName(assignment.left);
}

/**
 * How often the code at `site` runs over the life of the process, for state that accumulates:
 * like `executionOf`, but a loop or a `forEach` callback inside run-once code runs once overall, and
 * a function of this module that is only ever called from run-once code (`registerRoutes()` at
 * start-up) is run-once too. A registry of route handlers filled at start-up is not a cache.
 */
export function lifetimeExecutionOf(site: Node, scopeManager: ScopeManagerLike, depth = 0, oracle?: RequestScopeOracle): Execution {
  const execution = executionOf(site, oracle);
  const iteration = iterationOf(execution);
  if (iteration) {
    const around = lifetimeExecutionOf(iteration, scopeManager, depth, oracle);
    return around.kind === 'once' ? { kind: 'once', role: { kind: 'start-up-loop', node: iteration, around: around.role } } : execution;
  }
  if (execution.kind !== 'repeated' || depth >= MAX_CALLER_DEPTH) return execution;
  const fn = execution.function;
  const name = functionName(fn) ?? assignedPropertyName(fn);
  // A private method runs when its class calls it: `this.registerRequest(id, deferred)` from each
  // `request()` registers per request, whatever the name says.
  if (name && REGISTRATION_NAME.test(name) && !calledInRepeatedCode(privateMethodCalls(fn), scopeManager, depth, oracle)) {
    return { kind: 'once', role: { kind: 'start-up', function: fn, name, reason: 'registration' } };
  }
  const variable = localFunctionVariable(fn, scopeManager);
  const calls = variable?.references.filter((reference) => !reference.init) ?? [];
  if (calls.length === 0) return execution;
  for (const reference of calls) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return execution;
    if (lifetimeExecutionOf(call, scopeManager, depth + 1, oracle).kind !== 'once') return execution;
  }
  return { kind: 'once', role: { kind: 'start-up', function: fn, name: variable!.name, reason: 'called-from-start-up' } };
}

function calledInRepeatedCode(calls: readonly Node[] | undefined, scopeManager: ScopeManagerLike, depth: number, oracle: RequestScopeOracle | undefined): boolean {
  return (calls ?? []).some((call) => lifetimeExecutionOf(call, scopeManager, depth + 1, oracle).kind !== 'once');
}

/** `private register() {}`, `#register() {}`: the class's own `this.register(…)` calls, the only ones there are. */
function privateMethodCalls(fn: FunctionNode): readonly TSESTree.CallExpression[] | undefined {
  const member = fn.parent;
  if (member?.type !== AST_NODE_TYPES.MethodDefinition || member.value !== fn || member.static || member.kind !== 'method') return undefined;
  const isPrivate = member.accessibility === 'private' || member.key.type === AST_NODE_TYPES.PrivateIdentifier;
  if (!isPrivate || member.computed || (member.key.type !== AST_NODE_TYPES.Identifier && member.key.type !== AST_NODE_TYPES.PrivateIdentifier)) return undefined;
  return thisCallsIn(member.parent.parent).get(member.key.name);
}

/**
 * `client ??= new X()`, `if (!client) client = new X()`, `client ||= …`: the acquisition runs once
 * and the result is kept, whatever function it sits in.
 */
export function isLazyInitGuard(assignment: TSESTree.AssignmentExpression): boolean {
  if (assignment.operator === '??=' || assignment.operator === '||=') return true;
  if (assignment.operator !== '=') return false;
  const target = assignment.left;
  let statement: Node | undefined = assignment.parent;
  if (statement?.type === AST_NODE_TYPES.ExpressionStatement) statement = statement.parent;
  if (statement?.type === AST_NODE_TYPES.BlockStatement) statement = statement.parent;
  if (statement?.type !== AST_NODE_TYPES.IfStatement) return false;
  const test = unwrapExpression(statement.test);
  const sameTarget = (node: Node) => sourceKey(unwrapExpression(node)) === sourceKey(target);
  if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!' && sameTarget(test.argument)) return true;
  if (
    test.type === AST_NODE_TYPES.BinaryExpression &&
    (test.operator === '==' || test.operator === '===') &&
    (sameTarget(test.left) || sameTarget(test.right))
  ) {
    return true;
  }
  return false;
}

/** `this.client`, `client`, `state.client` as a comparable key; undefined for anything else. */
function sourceKey(node: Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.ThisExpression) return 'this';
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const object = sourceKey(node.object);
    const name = staticPropertyName(node);
    return object !== undefined && name !== undefined ? `${object}.${name}` : undefined;
  }
  return undefined;
}

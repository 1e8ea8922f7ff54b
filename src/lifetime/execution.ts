import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import type { TypeOracle } from '../oracle/type-oracle';

/**
 * How often the code at a site runs, as far as the source says:
 * - `once`: module top level, a lazy-init guard, `main`, a top-level IIFE;
 * - `hot`: a recognised repeated path — a request/message/stream handler, a listener, a timer
 *   callback, a loop body;
 * - `repeated`: any other function. It may run many times: what it never releases leaks, but
 *   closing what it opens (a one-shot probe) is not connection churn.
 */
export type Execution =
  | { readonly kind: 'once'; readonly why: string }
  | { readonly kind: 'hot'; readonly why: string; readonly node: Node }
  | { readonly kind: 'repeated'; readonly function: FunctionNode };

const ROUTER_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'use', 'options', 'head', 'route']);
const ITERATION_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'reduce', 'some', 'every']);
const LISTENER_METHODS = new Set(['on', 'addListener', 'prependListener', 'addEventListener']);
const CONSUMER_CALLBACKS = new Set(['eachMessage', 'eachBatch']);
const SERVER_FACTORIES = new Set(['createServer', 'createSecureServer']);

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

/** Why a function passed as an argument runs repeatedly, if its call site says so. */
function repeatedCallbackRole(fn: FunctionNode): string | undefined {
  // `{ eachMessage: async () => … }`, `addService(def, { sayHello: (call, cb) => … })`
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) {
    const key = parent.key.type === AST_NODE_TYPES.Identifier ? parent.key.name : undefined;
    const object = parent.parent;
    const call = object?.parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && call.arguments.includes(object)) {
      const callee = calleeName(call);
      if (callee?.name === 'run' && key && CONSUMER_CALLBACKS.has(key)) return `a consumer's \`${key}\``;
      if (callee?.name === 'addService' && call.arguments[1] === object) return 'a gRPC service method';
      if (callee?.name === 'route' && key === 'handler') return 'a route handler';
    }
    return undefined;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) return undefined;
  if (parent.type === AST_NODE_TYPES.NewExpression || !(parent.arguments as readonly Node[]).includes(fn)) return undefined;
  const callee = calleeName(parent);
  if (!callee) return undefined;
  const { name, object } = callee;
  if (name === 'setInterval' || name === 'setTimeout' || name === 'setImmediate') return `a \`${name}\` callback`;
  if (SERVER_FACTORIES.has(name)) return 'a server request handler';
  // `once` runs its listener once; `on('request' | 'message' | …)` for every event.
  if (LISTENER_METHODS.has(name)) return `a \`${firstStringArgument(parent) ?? 'event'}\` listener`;
  // app.get('/x', handler), router.post(…), fastify.get(…): a path first, handlers after it.
  if (object && ROUTER_METHODS.has(name) && parent.arguments.length >= 2 && parent.arguments[0] !== fn) {
    return 'a route handler';
  }
  if (object && name === 'use' && parent.arguments.length >= 1) return 'a middleware';
  if (ITERATION_METHODS.has(name)) return `a \`${name}\` callback`;
  return undefined;
}

function isMainFunction(fn: FunctionNode): boolean {
  const name =
    fn.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id?.name
      : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.id.type === AST_NODE_TYPES.Identifier
        ? fn.parent.id.name
        : undefined;
  return name === 'main' || name === 'bootstrap' || name === 'start' || name === 'init';
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

const LOOPS = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/** What `executionOf` asks the type oracle: which parameters are requests, responses or calls. */
export type RequestScopeOracle = Pick<TypeOracle, 'requestScopedType'>;

/**
 * `function list(req: Request, res: Response)` is a handler wherever it is declared and however it is
 * registered (`app.get('/users', list)`, a controller class, a grpc-js implementation object built
 * elsewhere): its parameters say it runs once per request.
 */
function requestHandlerRole(fn: FunctionNode, oracle: RequestScopeOracle): string | undefined {
  for (const parameter of fn.params) {
    const type = oracle.requestScopedType(parameter);
    if (type === undefined) continue;
    const name = parameter.type === AST_NODE_TYPES.Identifier ? parameter.name : undefined;
    return `a request handler (\`${name === undefined ? type : `${name}: ${type}`}\`)`;
  }
  return undefined;
}

/**
 * The execution of the code at `site`: loops inside its function first, then the function's role —
 * where it is passed (syntactic), or, with an oracle, the request/response/call types of its parameters.
 */
export function executionOf(site: Node, oracle?: RequestScopeOracle): Execution {
  for (let current: Node | undefined = site.parent, child: Node = site; current; child = current, current = current.parent) {
    if (LOOPS.has(current.type)) {
      // The loop's own header (`for (const x of await load())`) runs once per entry to the loop.
      const body = (current as TSESTree.ForStatement).body;
      if (body === child) return { kind: 'hot', why: 'a loop body', node: current };
    }
    if (isFunction(current)) {
      const fn = current;
      const role = repeatedCallbackRole(fn);
      if (role) return { kind: 'hot', why: role, node: fn };
      const handler = oracle && requestHandlerRole(fn, oracle);
      if (handler) return { kind: 'hot', why: handler, node: fn };
      if (isTopLevelIife(fn)) return { kind: 'once', why: 'a module-level IIFE' };
      if (isMainFunction(fn)) return { kind: 'once', why: `\`${(fn as TSESTree.FunctionDeclaration).id?.name ?? 'main'}\`` };
      return { kind: 'repeated', function: fn };
    }
    if (current.type === AST_NODE_TYPES.PropertyDefinition && (current).static) {
      return { kind: 'once', why: 'a static field initialiser' };
    }
    if (current.type === AST_NODE_TYPES.StaticBlock) return { kind: 'once', why: 'a static block' };
  }
  return { kind: 'once', why: 'module top level' };
}

/** How far callers are followed: `main` → `registerRoutes` → `addRoute` is as deep as start-up code goes. */
const MAX_CALLER_DEPTH = 4;

/** The function's own variable, for a declaration or `const f = () => …`; undefined when it is exported. */
function localFunctionVariable(fn: FunctionNode, scopeManager: ScopeManagerLike) {
  const holder = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator ? fn.parent : undefined;
  if (!holder) return undefined;
  const statement = holder.type === AST_NODE_TYPES.VariableDeclarator ? holder.parent?.parent : holder.parent;
  if (statement?.type === AST_NODE_TYPES.ExportNamedDeclaration || statement?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return undefined;
  return scopeManager.getDeclaredVariables(holder)[0];
}

/** A loop body, or a `forEach`/`map` … callback: runs as often as the code around it, times a bounded count. */
function iterationOf(execution: Execution): Node | undefined {
  if (execution.kind !== 'hot') return undefined;
  const node = execution.node;
  if (LOOPS.has(node.type)) return node;
  const call = node.parent;
  if (isFunction(node) && call?.type === AST_NODE_TYPES.CallExpression && (call.arguments as readonly Node[]).includes(node)) {
    const callee = calleeName(call);
    if (callee && ITERATION_METHODS.has(callee.name)) return call;
  }
  return undefined;
}

/**
 * How often the code at `site` runs over the life of the process, for state that accumulates:
 * like `executionOf`, but a loop or a `forEach` callback inside run-once code runs once overall, and
 * a function of this module that is only ever called from run-once code (`registerRoutes()` at
 * start-up) is run-once too. A registry of route handlers filled at start-up is not a cache.
 */
/**
 * `registerResolver(scheme, resolver)`, `defineRoute(…)`, `addLoadBalancerType(…)`,
 * `addIgnorePattern(…)`: what such a function fills is a registry that other modules (or the
 * command line) populate at start-up, not a cache that grows with traffic (grpc-js's resolver and
 * load-balancer registries, jscodeshift's ignore patterns are the models).
 */
const REGISTRATION_NAME = /^(use$|register|unregister|define|declare|install|provide|configure|setup|add[A-Z]\w*(Type|Handler|Plugin|Provider|Resolver|Middleware|Route|Service|Extension|Hook|Listener|Factory|Codec|Format|Command|Pattern|Rule|Filter|Matcher|Transform|Transformer|Loader|Parser|Validator|Formatter|Option|Options))/;

function declaredName(fn: FunctionNode): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) && parent.key.type === AST_NODE_TYPES.Identifier) {
    return parent.key.name;
  }
  return undefined;
}

export function lifetimeExecutionOf(site: Node, scopeManager: ScopeManagerLike, depth = 0, oracle?: RequestScopeOracle): Execution {
  const execution = executionOf(site, oracle);
  const iteration = iterationOf(execution);
  if (iteration) {
    const around = lifetimeExecutionOf(iteration, scopeManager, depth, oracle);
    return around.kind === 'once' ? { kind: 'once', why: `a loop in ${around.why}` } : execution;
  }
  if (execution.kind !== 'repeated' || depth >= MAX_CALLER_DEPTH) return execution;
  const name = declaredName(execution.function);
  if (name && REGISTRATION_NAME.test(name)) return { kind: 'once', why: `\`${name}\`, a registration function` };
  const variable = localFunctionVariable(execution.function, scopeManager);
  const calls = variable?.references.filter((reference) => !reference.init) ?? [];
  if (calls.length === 0) return execution;
  for (const reference of calls) {
    const call = reference.identifier.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return execution;
    if (lifetimeExecutionOf(call, scopeManager, depth + 1, oracle).kind !== 'once') return execution;
  }
  return { kind: 'once', why: `\`${variable!.name}\`, called only from run-once code` };
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

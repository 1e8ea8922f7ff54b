import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { firstInSameFunction, isFunction, unwrapExpression, walkSameFunction, type FunctionNode } from '../ast/predicates';
import { soleClassNamed, soleFunctionCalled } from '../ast/sole-function-bindings';
import type { Node } from '../ast/traverse';

/**
 * Calls that do not throw in practice. Everything else that calls, awaits, yields or throws can end
 * the function early: a handle released after it is released only on the success path.
 */
const QUIET_GLOBALS = new Set([
  'clearTimeout', 'clearInterval', 'clearImmediate', 'Boolean', 'String', 'Number', 'isNaN', 'isFinite',
  // Scheduling fails only on a callback that is not a function: `new Promise((r) => setTimeout(r, ms))`.
  'setTimeout', 'setImmediate', 'queueMicrotask',
]);
/**
 * Static helpers that fail only on programming errors (a wrong argument type), like property access
 * does; I/O, parsing (`JSON.parse`) and user code fail at run time on correct code.
 */
const QUIET_OBJECTS = new Set(['console', 'Math', 'Date', 'Buffer', 'Object', 'Array', 'Number', 'String', 'Symbol']);
/**
 * Clock reads (`process.hrtime()` in mongodb's `now()`, `performance.now()` around a timed operation)
 * and Node's path arithmetic on strings (`path.join(dir, 'node_modules')`), which touches no file.
 */
const PATH_FUNCTIONS = new Set(['join', 'resolve', 'dirname', 'basename', 'extname', 'relative', 'normalize', 'isAbsolute', 'parse', 'format', 'toNamespacedPath']);
const QUIET_METHODS = new Map([
  ['process', new Set(['hrtime', 'uptime', 'memoryUsage'])],
  ['performance', new Set(['now'])],
  ['path', PATH_FUNCTIONS],
  ['posix', PATH_FUNCTIONS],
  ['win32', PATH_FUNCTIONS],
]);

/**
 * Built-in constructors that fail only on programming errors: `new Date()` in a log line before the
 * release (`console.error(new Date().toISOString(), …)` in a `catch` that then releases) is no way out.
 * A `new` of anything else runs user or library code and can throw.
 */
const QUIET_CONSTRUCTORS = new Set(['Date', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Error', 'TypeError', 'RangeError', 'AbortController', 'Promise', 'URLSearchParams']);

function isQuietConstruction(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.NewExpression && node.callee.type === AST_NODE_TYPES.Identifier && QUIET_CONSTRUCTORS.has(node.callee.name);
}

/**
 * `logger.warn(…)`, `this.log.error(…)`: a logger's level methods. A `catch` that logs a failed close and
 * goes on to the next close (noobaa's fix: each close in its own try/catch) must not count as a path
 * that skips the next one; loggers report their own failures rather than throw.
 */
const LOG_LEVELS = new Set(['trace', 'debug', 'info', 'log', 'warn', 'warning', 'error', 'fatal']);
const LOGGER_NAME = /^_?(log|logger|LOG|LOGGER|Logger)$|[a-z]Log(ger)?$/;

function loggerName(receiver: TSESTree.Node): string | undefined {
  if (receiver.type === AST_NODE_TYPES.Identifier) return receiver.name;
  // `logger().info(…)`, `getLogger().warn(…)`: a logger fetched by its accessor.
  if (receiver.type === AST_NODE_TYPES.CallExpression && receiver.arguments.length === 0) return loggerAccessorName(receiver.callee);
  if (receiver.type === AST_NODE_TYPES.MemberExpression && !receiver.computed && receiver.property.type === AST_NODE_TYPES.Identifier) {
    return receiver.property.name;
  }
  return undefined;
}

/** `logger` in `logger()`, `getLogger` in `getLogger()`: an accessor named for the logger it hands back. */
function loggerAccessorName(callee: TSESTree.Node): string | undefined {
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  if (LOGGER_NAME.test(callee.name)) return callee.name;
  return /^get[A-Z]\w*Logger$|^getLogger$/.test(callee.name) ? 'logger' : undefined;
}

/**
 * `logger()` in `logger().info(…)`: fetching the logger for a log line fails no more than the line
 * does (see loggerName).
 */
function isLoggerAccessForLogLine(call: TSESTree.CallExpression): boolean {
  if (call.arguments.length > 0 || loggerAccessorName(call.callee) === undefined) return false;
  const member = call.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== call || member.computed || member.property.type !== AST_NODE_TYPES.Identifier) return false;
  return LOG_LEVELS.has(member.property.name) && member.parent?.type === AST_NODE_TYPES.CallExpression && member.parent.callee === member;
}

/**
 * `metrics.getHistogram('pool_acquire_ms').record(ms)`, `requestCounter.inc()`, `statsd.timing(…)`:
 * recording a measurement. Metrics clients (OpenTelemetry, prom-client, StatsD/DogStatsD) are written
 * to sit on hot paths and report their own failures rather than throw, like loggers; a release after
 * a timing line is not skipped by it. The receiver must be named for metrics or an instrument, or be
 * an instrument fetched from such a receiver.
 */
const RECORDING_METHODS = new Set(['record', 'add', 'inc', 'dec', 'increment', 'decrement', 'observe', 'gauge', 'timing', 'histogram', 'distribution', 'set']);
const METRICS_NAMES = new Set(['metrics', 'metric', 'stats', 'statsd', 'dogstatsd', 'telemetry', 'meter', 'instruments', 'prometheus', 'counter', 'histogram', 'gauge', 'summary', 'timer']);
const INSTRUMENT_SUFFIX = /[a-z](Metrics?|Counter|Histogram|Gauge|Meter|Summary|Timer|Stats)$/;
const INSTRUMENT_ACCESSOR = /^(get|create)?(Counter|UpDownCounter|Histogram|Gauge|ObservableGauge|Summary|Timer|Meter)$/i;

function isMetricsName(name: string): boolean {
  return METRICS_NAMES.has(name.replace(/^_/, '').toLowerCase()) || INSTRUMENT_SUFFIX.test(name);
}

function receiverName(receiver: TSESTree.Node): string | undefined {
  if (receiver.type === AST_NODE_TYPES.Identifier) return receiver.name;
  if (receiver.type === AST_NODE_TYPES.MemberExpression && !receiver.computed && receiver.property.type === AST_NODE_TYPES.Identifier) return receiver.property.name;
  return undefined;
}

function isMetricsReceiver(receiver: TSESTree.Node): boolean {
  const name = receiverName(receiver);
  if (name !== undefined) return isMetricsName(name);
  // `metrics.getHistogram('x')`, `meter.createCounter('x')`: an instrument fetched from a metrics client.
  if (receiver.type !== AST_NODE_TYPES.CallExpression || receiver.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const accessor = receiverName(receiver.callee);
  return accessor !== undefined && INSTRUMENT_ACCESSOR.test(accessor) && isMetricsReceiver(receiver.callee.object);
}

function isMetricRecording(callee: TSESTree.MemberExpression): boolean {
  const method = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  return method !== undefined && RECORDING_METHODS.has(method) && isMetricsReceiver(callee.object);
}

/** The instrument fetch in `metrics.getHistogram('x').record(ms)`: fails no more than the recording does. */
function isInstrumentFetchForRecording(call: TSESTree.CallExpression): boolean {
  const member = call.parent;
  return (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === call &&
    member.parent?.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member &&
    isMetricRecording(member)
  );
}

/** `process.hrtime()`, `process.hrtime.bigint()`, `performance.now()`. */
function isClockRead(callee: TSESTree.MemberExpression): boolean {
  const method = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  if (method === undefined) return false;
  const object = callee.object;
  if (object.type === AST_NODE_TYPES.Identifier) return QUIET_METHODS.get(object.name)?.has(method) ?? false;
  // `process.hrtime.bigint()`
  return method === 'bigint' && object.type === AST_NODE_TYPES.MemberExpression && isClockRead(object);
}

function isQuietCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return QUIET_GLOBALS.has(callee.name) || isLoggerAccessForLogLine(call);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (callee.object.type === AST_NODE_TYPES.Identifier && QUIET_OBJECTS.has(callee.object.name)) return true;
  if (isClockRead(callee)) return true;
  if (isMetricRecording(callee) || isInstrumentFetchForRecording(call)) return true;
  // `new Date().toISOString()`: reading a fresh date fails no more than making it.
  if (callee.object.type === AST_NODE_TYPES.NewExpression && callee.object.callee.type === AST_NODE_TYPES.Identifier && callee.object.callee.name === 'Date') return true;
  const level = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  const receiver = loggerName(callee.object);
  return level !== undefined && LOG_LEVELS.has(level) && receiver !== undefined && LOGGER_NAME.test(receiver);
}

/** A call known not to throw in this context (e.g. `stream.write()` on the handle under analysis). */
export type QuietCall = (call: TSESTree.CallExpression) => boolean;

/**
 * How far calls of the file's own helpers are followed (`now()` → `hrtime()`; `sleep()` → `new
 * Promise(…)`): deeper helpers count as throwing. Answers are memoised per function, so a file of
 * helpers calling helpers is judged once per function, never once per path (the untyped oracle once
 * hung on that doubling).
 */
const MAX_HELPER_DEPTH = 3;

/** One question about a call's helpers: how deep it is, which helpers are open, and whether the depth bound cut it short. */
type Helper = FunctionNode | TSESTree.ClassDeclaration | TSESTree.ClassExpression;

interface HelperWalk {
  depth: number;
  readonly open: Set<Helper>;
  cut: boolean;
}

/** Exact answers, per helper: its body cannot throw / an `await` of its result cannot throw / `new` of it cannot throw. */
const quietBodies = new WeakMap<FunctionNode, boolean>();
const settlingResults = new WeakMap<FunctionNode, boolean>();
const quietClasses = new WeakMap<TSESTree.ClassDeclaration | TSESTree.ClassExpression, boolean>();

/**
 * Answers `question` about `fn` one level deeper, memoised when the answer did not depend on the
 * depth bound. A helper that reaches itself again (recursion) counts as throwing: recursion without
 * a visible base can overflow the stack, and no helper on such a cycle is quiet.
 */
function judgeHelper<T extends Helper>(fn: T, memo: WeakMap<T, boolean>, walk: HelperWalk, question: () => boolean): boolean {
  const known = memo.get(fn);
  if (known !== undefined) return known;
  if (walk.open.has(fn)) return false;
  if (walk.depth >= MAX_HELPER_DEPTH) {
    walk.cut = true;
    return false;
  }
  const outerCut = walk.cut;
  walk.cut = false;
  walk.open.add(fn);
  walk.depth++;
  const answer = question();
  walk.depth--;
  walk.open.delete(fn);
  if (!walk.cut) memo.set(fn, answer);
  walk.cut ||= outerCut;
  return answer;
}

/** Nothing `fn` runs when called (parameter defaults and body, not nested functions) can throw. */
function helperBodyIsQuiet(fn: FunctionNode, walk: HelperWalk): boolean {
  return judgeHelper(fn, quietBodies, walk, () => !firstInSameFunction(fn, (node) => node !== fn && throwsWith(node, undefined, walk)));
}

/**
 * `new FakeWeakRef(value)` (thread-stream) of a class of this file: its field initialisers and
 * constructor run, and those of the class it extends, which must be one of the file too.
 */
function classConstructionIsQuiet(construction: TSESTree.NewExpression, walk: HelperWalk): boolean {
  const declared = soleClassNamed(construction.callee);
  return declared !== undefined && classIsQuiet(declared, walk);
}

function classIsQuiet(declared: TSESTree.ClassDeclaration | TSESTree.ClassExpression, walk: HelperWalk): boolean {
  return judgeHelper(declared, quietClasses, walk, () => {
    // `declare class X {}` describes code that lives elsewhere.
    if (declared.declare) return false;
    const base = declared.superClass ? soleClassNamed(declared.superClass) : undefined;
    if (declared.superClass && (!base || !classIsQuiet(base, walk))) return false;
    return declared.body.body.every((member) => {
      if (member.type === AST_NODE_TYPES.MethodDefinition) {
        // `constructor(a: string);` overload signatures run nothing.
        return member.kind !== 'constructor' || member.value.type !== AST_NODE_TYPES.FunctionExpression || helperBodyIsQuiet(member.value, walk);
      }
      if ((member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.AccessorProperty) && !member.static && member.value) {
        const value = member.value;
        return !firstInSameFunction(value, (node) => throwsWith(node, undefined, walk));
      }
      // Static blocks and static fields ran when the class was defined.
      return true;
    });
  });
}

function declaresThen(declared: TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined): boolean {
  return declared?.body.body.some((member) => 'key' in member && !member.computed && member.key.type === AST_NODE_TYPES.Identifier && member.key.name === 'then') ?? true;
}

/** What `fn` returns, for `await fn()`: its `return` arguments, or an arrow's expression body. */
function returnedValues(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const values: Node[] = [];
  walkSameFunction(fn.body, (node) => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) values.push(node.argument);
  });
  return values;
}

/** `await fn()` cannot throw: calling it cannot, and what it returns cannot reject. */
function helperSettles(fn: FunctionNode, walk: HelperWalk): boolean {
  return helperBodyIsQuiet(fn, walk) && judgeHelper(fn, settlingResults, walk, () => returnedValues(fn).every((value) => cannotReject(value, undefined, walk)));
}

/**
 * `new Promise((resolve) => setTimeout(resolve, ms))`: an executor without a `reject` parameter whose
 * body cannot throw never rejects the promise (it may never resolve it: a wait, not a failure).
 */
function executorCannotReject(construction: TSESTree.NewExpression, quiet: QuietCall | undefined, walk: HelperWalk): boolean {
  const executor = construction.arguments[0] ? unwrapExpression(construction.arguments[0]) : undefined;
  if (!isFunction(executor) || executor.params.length > 1) return false;
  return !firstInSameFunction(executor, (node) => node !== executor && throwsWith(node, quiet, walk));
}

function isPromiseConstruction(node: TSESTree.NewExpression): boolean {
  return node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'Promise';
}

/**
 * Awaiting `value` cannot throw: it is no promise that can reject. Literals, arithmetic on them, fresh
 * objects and arrays, the results of quiet built-ins and of settling helpers, and promises whose
 * executor cannot reject. A variable or a field may hold any promise.
 */
function cannotReject(value: Node, quiet: QuietCall | undefined, walk: HelperWalk): boolean {
  const node = unwrapExpression(value);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return node.name === 'undefined';
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.UnaryExpression:
    case AST_NODE_TYPES.BinaryExpression:
      // Operators make primitives: `${a}`, `-x`, `a + b` are never thenables.
      return true;
    case AST_NODE_TYPES.LogicalExpression:
      return cannotReject(node.left, quiet, walk) && cannotReject(node.right, quiet, walk);
    case AST_NODE_TYPES.ConditionalExpression:
      return cannotReject(node.consequent, quiet, walk) && cannotReject(node.alternate, quiet, walk);
    case AST_NODE_TYPES.NewExpression:
      if (isPromiseConstruction(node)) return executorCannotReject(node, quiet, walk);
      // An instance of a local class is a thenable only when the class says so.
      return isQuietConstruction(node) || (classConstructionIsQuiet(node, walk) && !declaresThen(soleClassNamed(node.callee)));
    case AST_NODE_TYPES.CallExpression: {
      if (isQuietCall(node)) return true;
      const helper = soleFunctionCalled(node);
      return helper !== undefined && helperSettles(helper, walk);
    }
    default:
      return false;
  }
}

/** A call of a helper of this file that cannot throw (`now()` reading `process.hrtime()`). */
function isQuietHelperCall(call: TSESTree.CallExpression, walk: HelperWalk): boolean {
  const helper = soleFunctionCalled(call);
  return helper !== undefined && helperBodyIsQuiet(helper, walk);
}

function throwsWith(node: Node, quiet: QuietCall | undefined, walk: HelperWalk): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return !isQuietCall(node) && !(quiet?.(node) ?? false) && !isQuietHelperCall(node, walk);
    case AST_NODE_TYPES.AwaitExpression: {
      // `await cursor.next()`: awaiting a quiet call fails no more than the call does.
      const argument = unwrapExpression(node.argument);
      if (argument.type === AST_NODE_TYPES.CallExpression && (isQuietCall(argument) || (quiet?.(argument) ?? false))) return false;
      // `await sleep(ms)`, `await new Promise((resolve) => setTimeout(resolve, ms))`.
      return !cannotReject(argument, quiet, walk);
    }
    case AST_NODE_TYPES.NewExpression:
      return !isQuietConstruction(node) && !classConstructionIsQuiet(node, walk);
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    default:
      return false;
  }
}

export function isThrowingNode(node: Node, quiet?: QuietCall): boolean {
  return throwsWith(node, quiet, { depth: 0, open: new Set(), cut: false });
}

/**
 * The first thing in `node` (not in nested functions) that can throw, in evaluation order:
 * in `JSON.parse(await fh.readFile())` the read runs, and can fail, before the parse.
 */
export function firstThrower(node: Node, quiet?: QuietCall): Node | undefined {
  const throws = (candidate: Node) => isThrowingNode(candidate, quiet);
  let outermost = firstInSameFunction(node, throws);
  if (!outermost) return undefined;
  // Arguments and operands are evaluated before the call that contains them.
  for (;;) {
    const inner: Node | undefined = firstInSameFunction(outermost, (candidate) => candidate !== outermost && throws(candidate));
    // `await fh.read()` reads better than `fh.read()`, and fails at the same point.
    if (!inner) return outermost.parent?.type === AST_NODE_TYPES.AwaitExpression ? outermost.parent : outermost;
    outermost = inner;
  }
}

/** `process.exit(…)` ends the process: nothing leaks past it. */
export function isProcessExit(statement: Node): boolean {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  const expression = statement.expression;
  return (
    expression.type === AST_NODE_TYPES.CallExpression &&
    expression.callee.type === AST_NODE_TYPES.MemberExpression &&
    expression.callee.object.type === AST_NODE_TYPES.Identifier &&
    expression.callee.object.name === 'process' &&
    expression.callee.property.type === AST_NODE_TYPES.Identifier &&
    expression.callee.property.name === 'exit'
  );
}

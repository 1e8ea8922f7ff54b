import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { firstInSameFunction } from '../ast/predicates';
import type { Node } from '../ast/traverse';

/**
 * Calls that do not throw in practice. Everything else that calls, awaits, yields or throws can end
 * the function early: a handle released after it is released only on the success path.
 */
const QUIET_GLOBALS = new Set(['clearTimeout', 'clearInterval', 'clearImmediate', 'Boolean', 'String', 'Number', 'isNaN', 'isFinite']);
/**
 * Static helpers that fail only on programming errors (a wrong argument type), like property access
 * does; I/O, parsing (`JSON.parse`) and user code fail at run time on correct code.
 */
const QUIET_OBJECTS = new Set(['console', 'Math', 'Date', 'Buffer', 'Object', 'Array', 'Number', 'String', 'Symbol']);

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
  if (receiver.type === AST_NODE_TYPES.MemberExpression && !receiver.computed && receiver.property.type === AST_NODE_TYPES.Identifier) {
    return receiver.property.name;
  }
  return undefined;
}

function isQuietCall(call: TSESTree.CallExpression): boolean {
  const callee = call.callee;
  if (callee.type === AST_NODE_TYPES.Identifier) return QUIET_GLOBALS.has(callee.name);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (callee.object.type === AST_NODE_TYPES.Identifier && QUIET_OBJECTS.has(callee.object.name)) return true;
  // `new Date().toISOString()`: reading a fresh date fails no more than making it.
  if (callee.object.type === AST_NODE_TYPES.NewExpression && callee.object.callee.type === AST_NODE_TYPES.Identifier && callee.object.callee.name === 'Date') return true;
  const level = !callee.computed && callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : undefined;
  const receiver = loggerName(callee.object);
  return level !== undefined && LOG_LEVELS.has(level) && receiver !== undefined && LOGGER_NAME.test(receiver);
}

/** A call known not to throw in this context (e.g. `stream.write()` on the handle under analysis). */
export type QuietCall = (call: TSESTree.CallExpression) => boolean;

export function isThrowingNode(node: Node, quiet?: QuietCall): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.CallExpression:
      return !isQuietCall(node) && !(quiet?.(node) ?? false);
    case AST_NODE_TYPES.AwaitExpression: {
      // `await cursor.next()`: awaiting a quiet call fails no more than the call does.
      const argument = node.argument;
      return !(argument.type === AST_NODE_TYPES.CallExpression && (isQuietCall(argument) || (quiet?.(argument) ?? false)));
    }
    case AST_NODE_TYPES.NewExpression:
      return !isQuietConstruction(node);
    case AST_NODE_TYPES.YieldExpression:
    case AST_NODE_TYPES.TaggedTemplateExpression:
    case AST_NODE_TYPES.ThrowStatement:
      return true;
    default:
      return false;
  }
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

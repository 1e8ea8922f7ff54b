import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { isFunction, outermostWrapper, staticPropertyName, unwrapExpression } from '../ast/predicates';
import { walk, type Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import { programOf } from '../ast/program-of';

/**
 * A wait for a writable's `drain`: `once(w, 'drain')` from node's `events`, or `w.once('drain',
 * resolve)` (`on` too) inside a `new Promise` executor. `wait` is the promise-valued expression the
 * code awaits or hands back; `writer` the stream waited on.
 */
export interface DrainWait {
  readonly wait: TSESTree.Expression;
  readonly writer: TSESTree.Expression;
  /** Does something else settle it when the reader leaves: `close`, `error`, `finish`, an abort signal? */
  readonly settlesOnClose: boolean;
}

/** The events that end a wait when the stream will never drain (the client left, the stream failed). */
const SETTLING_EVENTS = new Set(['close', 'error', 'finish', 'abort', 'end', 'aborted']);

function stringValue(node: Node | undefined): string | undefined {
  if (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') return node.value;
  if (node?.type === AST_NODE_TYPES.TemplateLiteral && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `once(w, 'drain')`, `events.once(w, 'drain')`, `EventEmitter.once(w, 'drain')`: node's promise form. */
function isEventsOnce(call: TSESTree.CallExpression): boolean {
  const program = programOf(call);
  const member = program && resolveModuleMember(call.callee, moduleBindings(program));
  if (!member) return false;
  const module = member.module.replace(/^node:/, '');
  const path = member.path.join('.');
  return module === 'events' && (path === 'once' || path === 'EventEmitter.once' || path === 'default.once');
}

/** The `new Promise(executor)` whose executor `node` runs in, if any (without crossing another function). */
function promiseAround(node: Node): TSESTree.NewExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    const holder = outermostWrapper(current).parent;
    if (holder?.type === AST_NODE_TYPES.NewExpression && holder.arguments[0] === current) {
      const callee = unwrapExpression(holder.callee);
      return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise' ? holder : undefined;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The whole expression the wait belongs to: climbs out of `Promise.race([…])` / `Promise.any` and
 * array elements, so `race([once(w, 'drain'), once(w, 'close')])` is judged as one wait.
 */
function waitGroup(wait: Node): Node {
  let current = outermostWrapper(wait);
  for (;;) {
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.ArrayExpression) {
      current = outermostWrapper(parent);
      continue;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      const callee = unwrapExpression(parent.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
      if (name === 'race' || name === 'any') {
        current = outermostWrapper(parent);
        continue;
      }
    }
    return current;
  }
}

/** Does the group name another settling event or pass a `signal`? */
function mentionsSettling(group: Node): boolean {
  let found = false;
  walk(group, (node) => {
    if (found) return false;
    const text = stringValue(node);
    if (text !== undefined && SETTLING_EVENTS.has(text)) found = true;
    if (node.type === AST_NODE_TYPES.Identifier && (node.name === 'signal' || node.name === 'finished')) found = true;
    return undefined;
  });
  return found;
}

/** Every drain wait of the file, among its calls. */
export function drainWaitsOf(calls: readonly TSESTree.CallExpression[]): DrainWait[] {
  const waits: DrainWait[] = [];
  for (const call of calls) {
    const callee = unwrapExpression(call.callee);
    if (isEventsOnce(call) && stringValue(call.arguments[1]) === 'drain' && call.arguments[0]?.type !== AST_NODE_TYPES.SpreadElement) {
      waits.push({ wait: call, writer: call.arguments[0], settlesOnClose: mentionsSettling(waitGroup(call)) });
      continue;
    }
    if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
    const method = staticPropertyName(callee);
    if ((method !== 'once' && method !== 'on' && method !== 'addListener') || stringValue(call.arguments[0]) !== 'drain') continue;
    const promise = promiseAround(call);
    if (!promise) continue;
    waits.push({ wait: promise, writer: callee.object, settlesOnClose: mentionsSettling(waitGroup(promise)) });
  }
  return waits;
}

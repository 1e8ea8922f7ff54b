import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { literalOption } from '../ast/literal-options';
import { enclosingFunction, isFunction, isInside, outermostWrapper, staticPropertyName, unwrapExpression, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike, type VariableLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { moduleBindings, resolveModuleMember } from '../oracle/module-bindings';
import { programOf } from '../ast/program-of';

/**
 * Who made the response: the fetch API (global `fetch`, undici's and node-fetch's `fetch`), whose
 * body is cancelled with `res.body?.cancel()`, or undici's `request`, whose body is `dump()`ed. Go's
 * `bodyclose` exists because an unread body pins its connection; undici's pool is the same.
 */
export type ResponseApi = 'fetch' | 'undici-request';

/** A response the code holds: the variable (or undici's destructured `body`) and where it came from. */
export interface HeldResponse {
  readonly api: ResponseApi;
  readonly call: TSESTree.CallExpression;
  /** The statement that acquires it, in the function (or loop) that owns it. */
  readonly statement: Node;
  /** The variable holding the response, or undici's `body` destructured from it. */
  readonly variable: VariableLike | undefined;
  /** `const { body } = await request(…)`: the variable is the body itself. */
  readonly bodyOnly: boolean;
  readonly name: string;
}

export type UnreadBody =
  /** `await fetch(url);`: the response is dropped unread. */
  | { readonly kind: 'dropped'; readonly response: HeldResponse; readonly statement: TSESTree.ExpressionStatement }
  /** Nothing ever reads, cancels or hands out the body (only `status`/`ok`/`headers` are read). */
  | { readonly kind: 'never-read'; readonly response: HeldResponse }
  /** An exit (`return`, `throw`, `continue`, `break`) reached with the body unread. */
  | { readonly kind: 'unread-on-exit'; readonly response: HeldResponse; readonly exit: TSESTree.Statement };

/** What may be read without touching the body. */
const METADATA = new Set(['ok', 'status', 'statusText', 'headers', 'url', 'redirected', 'type', 'statusCode', 'trailers', 'context', 'opaque', 'bodyUsed']);

const FETCH_MODULES = new Set(['undici', 'node-fetch', 'cross-fetch', 'undici-types']);

/** `fetch(…)`, `globalThis.fetch(…)`: the runtime's own fetch, not one imported from a package. */
export function isGlobalFetch(call: TSESTree.CallExpression, scopeManager: ScopeManagerLike): boolean {
  const callee = unwrapExpression(call.callee);
  const root = callee.type === AST_NODE_TYPES.MemberExpression ? unwrapExpression(callee.object) : callee;
  return root.type === AST_NODE_TYPES.Identifier && !findVariable(scopeManager, root)?.defs.length;
}

/** The API a call is, by the callee's binding: global `fetch`, or an import from undici / node-fetch. */
export function responseApiOf(call: TSESTree.CallExpression, scopeManager: ScopeManagerLike): ResponseApi | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch') {
    const variable = findVariable(scopeManager, callee);
    if (!variable || variable.defs.length === 0) return 'fetch';
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === 'fetch') {
    const object = unwrapExpression(callee.object);
    if (object.type === AST_NODE_TYPES.Identifier && (object.name === 'globalThis' || object.name === 'window') && !findVariable(scopeManager, object)?.defs.length) return 'fetch';
  }
  const program = programOf(call);
  const member = program && resolveModuleMember(callee, moduleBindings(program));
  if (!member || !FETCH_MODULES.has(member.module)) return undefined;
  const path = member.path.join('.');
  if (path === 'fetch' || (member.module !== 'undici' && (path === '' || path === 'default'))) return 'fetch';
  if (member.module === 'undici' && path === 'request') return 'undici-request';
  return undefined;
}

/** The statement a value belongs to, as a direct child of a statement list. */
function statementOf(node: Node): Node {
  let current = node;
  while (current.parent && current.parent.type !== AST_NODE_TYPES.BlockStatement && current.parent.type !== AST_NODE_TYPES.Program && current.parent.type !== AST_NODE_TYPES.SwitchCase) {
    if (isFunction(current.parent)) break;
    current = current.parent;
  }
  return current;
}

/** `fetch(url, { method: 'HEAD' })`: a response without a body. */
function isBodyless(call: TSESTree.CallExpression): boolean {
  const options = call.arguments[1] && unwrapExpression(call.arguments[1]);
  const search = options?.type === AST_NODE_TYPES.ObjectExpression ? options : call.arguments[0] && unwrapExpression(call.arguments[0]);
  if (search?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const method = literalOption(search, 'method');
  return typeof method === 'string' && method.toUpperCase() === 'HEAD';
}

/** The responses this call produces into the code's hands, if it is awaited into a variable, dropped, or neither. */
export function heldResponseOf(call: TSESTree.CallExpression, api: ResponseApi, scopeManager: ScopeManagerLike): HeldResponse | TSESTree.ExpressionStatement | undefined {
  if (isBodyless(call)) return undefined;
  const awaited = outermostWrapper(call).parent;
  if (awaited?.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const value = outermostWrapper(awaited);
  const holder = value.parent;
  if (holder?.type === AST_NODE_TYPES.ExpressionStatement) return holder;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.init !== value) return undefined;
  const statement = statementOf(holder);
  if (holder.id.type === AST_NODE_TYPES.Identifier) {
    return { api, call, statement, variable: findVariable(scopeManager, holder.id), bodyOnly: false, name: holder.id.name };
  }
  if (holder.id.type !== AST_NODE_TYPES.ObjectPattern || api !== 'undici-request') return undefined;
  if (holder.id.properties.some((property) => property.type === AST_NODE_TYPES.RestElement)) return undefined;
  const body = holder.id.properties.find(
    (property): property is TSESTree.Property => property.type === AST_NODE_TYPES.Property && !property.computed && property.key.type === AST_NODE_TYPES.Identifier && property.key.name === 'body',
  );
  if (!body) return { api, call, statement, variable: undefined, bodyOnly: true, name: 'body' };
  const local = body.value.type === AST_NODE_TYPES.AssignmentPattern ? body.value.left : body.value;
  if (local.type !== AST_NODE_TYPES.Identifier) return undefined;
  return { api, call, statement, variable: findVariable(scopeManager, local), bodyOnly: true, name: local.name };
}

/**
 * The references that read, cancel or hand out the body: for a response, anything but reading its
 * metadata (`res.json()`, `res.body`, `return res`, `handle(res)`); for undici's destructured body,
 * any use at all.
 */
function bodyUses(response: HeldResponse): Node[] {
  const uses: Node[] = [];
  for (const reference of response.variable?.references ?? []) {
    if (reference.init) continue;
    const identifier = reference.identifier;
    if (reference.isWrite()) continue;
    if (response.bodyOnly) {
      uses.push(identifier);
      continue;
    }
    const value = outermostWrapper(identifier);
    const parent = value.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === value && METADATA.has(staticPropertyName(parent) ?? '')) continue;
    uses.push(identifier);
  }
  return uses;
}

const BRANCHING = new Set<string>([
  AST_NODE_TYPES.IfStatement,
  AST_NODE_TYPES.ConditionalExpression,
  AST_NODE_TYPES.LogicalExpression,
  AST_NODE_TYPES.SwitchCase,
  AST_NODE_TYPES.CatchClause,
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
]);

/**
 * Does `use` run on every path from the acquisition to `exit`? The use is inside the exit itself
 * (`return res.json()`, `throw new Error(await res.text())`), or it is in a statement that comes
 * before the exit in a block enclosing both, reached without passing a branch.
 */
function coversExit(use: Node, exit: Node): boolean {
  if (isInside(use, exit)) return true;
  // `try { … return … } finally { await res.body?.cancel() }`: the finally runs on the way out.
  for (let child: Node = use, current = use.parent; current && !isFunction(current); child = current, current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer === child && isInside(exit, current.block)) return true;
  }
  if (use.range[0] > exit.range[0]) return false;
  let branched = false;
  for (let child: Node = use, current = use.parent; current; child = current, current = current.parent) {
    if (isFunction(current)) return false;
    if (current.type === AST_NODE_TYPES.TryStatement && current.finalizer === child) return isInside(exit, current.block) || (current.handler !== null && isInside(exit, current.handler));
    if (BRANCHING.has(current.type) && !(current.type === AST_NODE_TYPES.IfStatement && current.test === child) && !(current.type === AST_NODE_TYPES.LogicalExpression && current.left === child)) branched = true;
    if ((current.type === AST_NODE_TYPES.BlockStatement || current.type === AST_NODE_TYPES.Program) && isInside(exit, current)) return !branched;
  }
  return false;
}

/**
 * The exits after the acquisition inside the block that holds the response: `return`, `throw`, and
 * `continue`/`break` of a loop around it. Past the block's end the variable is gone (a loop body's
 * next iteration holds another response), so later exits are not this response's paths.
 */
function exitsAfter(response: HeldResponse, fn: FunctionNode | undefined, root: Node): TSESTree.Statement[] {
  const exits: TSESTree.Statement[] = [];
  const loop = loopAround(response.statement, fn);
  const visit = (node: Node): void => {
    if (node !== root && isFunction(node)) return;
    if (node.range[0] >= response.statement.range[1]) {
      if (node.type === AST_NODE_TYPES.ReturnStatement || node.type === AST_NODE_TYPES.ThrowStatement) exits.push(node);
      if (loop && (node.type === AST_NODE_TYPES.ContinueStatement || node.type === AST_NODE_TYPES.BreakStatement) && node.label === null && innermostLoopOrSwitch(node) === loop) exits.push(node);
    }
    for (const key of Object.keys(node) as (keyof typeof node)[]) {
      if (key === 'parent') continue;
      const value = node[key] as unknown;
      if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object' && 'type' in item) visit(item as Node);
      if (value && typeof value === 'object' && 'type' in value && !Array.isArray(value)) visit(value as Node);
    }
  };
  visit(root);
  return exits;
}

const LOOPS_AND_SWITCH = new Set<string>([
  AST_NODE_TYPES.ForStatement,
  AST_NODE_TYPES.ForInStatement,
  AST_NODE_TYPES.ForOfStatement,
  AST_NODE_TYPES.WhileStatement,
  AST_NODE_TYPES.DoWhileStatement,
  AST_NODE_TYPES.SwitchStatement,
]);

function innermostLoopOrSwitch(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (LOOPS_AND_SWITCH.has(current.type)) return current;
  }
  return undefined;
}

function loopAround(statement: Node, fn: FunctionNode | undefined): Node | undefined {
  for (let current = statement.parent; current && current !== fn; current = current.parent) {
    if (LOOPS_AND_SWITCH.has(current.type) && current.type !== AST_NODE_TYPES.SwitchStatement) return current;
  }
  return undefined;
}

/** Where the body of one held response goes unread. */
export function unreadBodiesOf(response: HeldResponse): UnreadBody[] {
  const uses = bodyUses(response);
  if (uses.length === 0) return [{ kind: 'never-read', response }];
  const fn = enclosingFunction(response.call);
  const root = response.statement.parent;
  if (!root) return [];
  return exitsAfter(response, fn, root)
    .filter((exit) => !uses.some((use) => coversExit(use, exit)))
    .map((exit) => ({ kind: 'unread-on-exit', response, exit }));
}

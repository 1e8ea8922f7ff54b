import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import type { Analysis } from '../analysis/analysis';
import { isFunction, isInside, staticPropertyName, type FunctionNode } from '../ast/predicates';
import { findVariable, type VariableLike, isModuleScope } from '../ast/scopes';
import { statementListOf } from '../ast/statement-lists';
import { walk, type Node } from '../ast/traverse';
import { normalize } from './shared-getter';

const CONNECTING_METHODS = new Set(['connect', '$connect']);

/**
 * Properties that say a node-redis client has started connecting (`isOpen` turns true as `connect()`
 * begins): `client.isOpen ? null : client.connect()` connects a shared client once. `isReady` is not
 * one of them: it stays false while the first connect runs, so a second caller would connect again.
 */
const OPEN_STATE_PROPERTIES = new Set(['isOpen']);

/** Methods that configure a client before it connects (an `error` listener node-redis needs first). */
const SET_UP_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'setMaxListeners']);

/**
 * How the function that makes a client connects it, for a client whose `connect()` must run once:
 * - `none`: it does not, or only through a call that checks the client out of a pool
 *   (`pool.connect((err, client, done) => …)`, `const client = await pool.connect()`), or only when the
 *   client says it is not open yet: sharing the client keeps all of that working;
 * - `once`: `[await] client.connect();` a statement of its own after the client's declaration, with
 *   only set-up calls (`client.on('error', …)`) on it in between, in an `async` function: the getter
 *   can make, set up and connect the client once, and the site awaits the connected client;
 * - `refused`: any other per-call connect (the call's code, and why it cannot move).
 */
export type ConnectShape =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'once';
      readonly declaration: TSESTree.VariableDeclaration;
      readonly connect: TSESTree.ExpressionStatement;
      readonly setUp: readonly TSESTree.ExpressionStatement[];
      readonly name: string;
    }
  | { readonly kind: 'refused'; readonly code: string; readonly why: string };

/** The `connect()` calls on `variable` inside `owner`, not counting checkouts and guarded connects. */
function ownConnects(variable: VariableLike, owner: FunctionNode): TSESTree.CallExpression[] {
  const calls: TSESTree.CallExpression[] = [];
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const name = staticPropertyName(member);
    const call = member.parent;
    if (!name || !CONNECTING_METHODS.has(name) || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member || !isInside(call, owner)) continue;
    if (isCheckout(call) || isGuardedByOpenState(call, variable, owner)) continue;
    calls.push(call);
  }
  return calls;
}

/** `pool.connect((err, client, done) => …)` or `const client = await pool.connect()`: a pool hands out a connection. */
function isCheckout(call: TSESTree.CallExpression): boolean {
  if (call.arguments.some((argument) => isFunction(argument) && argument.params.length >= 2)) return true;
  const value = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent : call;
  const holder = value.parent;
  return (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === value) || (holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === value);
}

/** The call sits in a branch chosen by the client's own open state (`client.isOpen ? null : client.connect()`). */
function isGuardedByOpenState(call: Node, variable: VariableLike, owner: FunctionNode): boolean {
  for (let child: Node = call, parent = call.parent; parent && parent !== owner; child = parent, parent = parent.parent) {
    const test =
      (parent.type === AST_NODE_TYPES.ConditionalExpression || parent.type === AST_NODE_TYPES.IfStatement) && parent.test !== child
        ? parent.test
        : parent.type === AST_NODE_TYPES.LogicalExpression && parent.right === child
          ? parent.left
          : undefined;
    if (test && readsOpenState(test, variable)) return true;
  }
  return false;
}

function readsOpenState(test: Node, variable: VariableLike): boolean {
  let found = false;
  walk(test, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.Identifier && variable.references.some((reference) => reference.identifier === node.object)) {
      const name = staticPropertyName(node);
      if (name && OPEN_STATE_PROPERTIES.has(name)) found = true;
    }
    return undefined;
  });
  return found;
}

/** `client.on(…)`, `client.once(…)` … as a statement of its own: the call on `variable`, if it is one. */
function setUpCall(statement: Node, variable: VariableLike): TSESTree.CallExpression | undefined {
  if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const call = statement.expression;
  const callee = call.callee;
  if (callee.type !== AST_NODE_TYPES.MemberExpression || callee.object.type !== AST_NODE_TYPES.Identifier) return undefined;
  const name = staticPropertyName(callee);
  const object = callee.object;
  if (!name || !SET_UP_METHODS.has(name) || !variable.references.some((reference) => reference.identifier === object)) return undefined;
  return call;
}

/**
 * The first name `expression` reads whose value belongs to one run of `owner` (a parameter, a local),
 * other than `own` (the client itself) and names the expression declares (a listener's parameters).
 */
export function callValueRead(analysis: Analysis, expression: Node, own: VariableLike | undefined): string | undefined {
  let found: string | undefined;
  const visit = (root: Node): void =>
    walk(root, (node) => {
      if (found) return false;
      if (node.type === AST_NODE_TYPES.ThisExpression || node.type === AST_NODE_TYPES.Super) {
        if (!isInsideOwnFunction(node, expression)) found = node.type === AST_NODE_TYPES.ThisExpression ? 'this' : 'super';
        return undefined;
      }
      // `a.b`: only `a` is a name; `{ b: a }`: only `a`.
      if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed) {
        visit(node.object);
        return false;
      }
      if (node.type === AST_NODE_TYPES.Property && !node.computed && node.parent?.type === AST_NODE_TYPES.ObjectExpression) {
        visit(node.value);
        return false;
      }
      if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
      if (node.name === 'arguments' && !isInsideOwnFunction(node, expression)) {
        found = 'arguments';
        return undefined;
      }
      const variable = findVariable(analysis.scopeManager, node);
      if (!variable || variable === own || isModuleScope(variable.scope)) return undefined;
      // Declared inside the expression (a listener's own parameter): not the call's.
      const declared = variable.defs[0]?.name;
      if (declared && isInside(declared, expression)) return undefined;
      found = node.name;
      return undefined;
    });
  visit(expression);
  return found;
}

/** `this` or `arguments` inside a non-arrow function written within `expression` is that function's own. */
function isInsideOwnFunction(node: Node, expression: Node): boolean {
  for (let current = node.parent; current && current !== expression.parent; current = current.parent) {
    if ((current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) && isInside(current, expression)) return true;
  }
  return false;
}

/**
 * The connect shape of a site whose client is kept in `variable`, declared by `declarator`, made in
 * `owner`. `idempotent` clients (MongoDB, Prisma) connect as often as asked: nothing to do.
 */
export function connectShapeOf(
  analysis: Analysis,
  owner: FunctionNode,
  variable: VariableLike,
  declarator: TSESTree.VariableDeclarator | undefined,
  idempotent: boolean,
): ConnectShape {
  if (idempotent) return { kind: 'none' };
  const connects = ownConnects(variable, owner);
  if (connects.length === 0) return { kind: 'none' };
  const [connect] = connects;
  const code = normalize(analysis.sourceText.slice(connect.range[0], connect.range[1]));
  const refused = (why: string): ConnectShape => ({ kind: 'refused', code, why });
  if (connects.length > 1) return refused('it connects in more than one place');
  const statement = connect.parent?.type === AST_NODE_TYPES.AwaitExpression ? connect.parent.parent : connect.parent;
  const declaration = declarator?.parent;
  if (statement?.type !== AST_NODE_TYPES.ExpressionStatement || declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1) {
    return refused('the connect is not a statement of its own after the declaration');
  }
  const list = statementListOf(declaration.parent);
  if (!list || statement.parent !== declaration.parent) return refused('the connect is not a statement of its own after the declaration');
  if (!owner.async) return refused('the function is not `async`, so it cannot wait for a shared connect');
  // `await client.connect(endpointUrl)` with the function's own parameter: the getter could not see it.
  const connectRead = connect.type === AST_NODE_TYPES.CallExpression ? callValueRead(analysis, connect, variable) : undefined;
  if (connectRead) return refused(`its connect uses \`${connectRead}\`, a value of this call`);
  const from = list.indexOf(declaration);
  const to = list.indexOf(statement);
  if (from < 0 || to <= from) return refused('the connect is not a statement of its own after the declaration');
  const setUp: TSESTree.ExpressionStatement[] = [];
  for (const between of list.slice(from + 1, to)) {
    if (!mentions(between, variable)) continue;
    const call = setUpCall(between, variable);
    const read = call ? callValueRead(analysis, call, variable) : undefined;
    if (!call || read) {
      const text = normalize(analysis.sourceText.slice(between.range[0], between.range[1]));
      return refused(read ? `its set-up \`${text}\` uses \`${read}\`, a value of this call` : `\`${text}\` uses the client before it connects`);
    }
    setUp.push(between as TSESTree.ExpressionStatement);
  }
  // A listener added on every call to the one shared client would pile up (and run once per call).
  for (const after of list.slice(to + 1)) {
    if (setUpCall(after, variable)) return refused(`it adds a listener to the client on every call (\`${normalize(analysis.sourceText.slice(after.range[0], after.range[1]))}\`)`);
  }
  return { kind: 'once', declaration, connect: statement, setUp, name: variable.name };
}

function mentions(statement: Node, variable: VariableLike): boolean {
  return variable.references.some((reference) => isInside(reference.identifier, statement));
}

/**
 * `const redis = new Redis(url); redis.on('error', log);` with no connect of its own: once the client
 * is shared, the listener statement still runs on every call and piles up on the one client
 * (MaxListenersExceededWarning, and each event handled once per earlier call). The statement's text
 * when there is one, for the marker.
 */
export function listenerAddedPerCall(analysis: Analysis, variable: VariableLike, declarator: TSESTree.VariableDeclarator | undefined): string | undefined {
  const declaration = declarator?.parent;
  const list = declaration ? statementListOf(declaration.parent) : undefined;
  if (!list || !declaration) return undefined;
  const added = list.slice(list.indexOf(declaration) + 1).find((statement) => setUpCall(statement, variable));
  return added && normalize(analysis.sourceText.slice(added.range[0], added.range[1]));
}

import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';

/**
 * Request options that lend a connection pool to one request: Node's `agent`, axios's `httpAgent` /
 * `httpsAgent`, undici's `dispatcher`. The request uses the pool and leaves it open (Node: "an agent
 * … keeps sockets open for reuse"); whoever made it still has to keep or close it.
 */
const BORROWED_CLIENT_OPTIONS: ReadonlySet<string> = new Set(['agent', 'httpAgent', 'httpsAgent', 'dispatcher']);

/**
 * `http.request(url, { agent: new http.Agent({ keepAlive: true }) })`, or `options.agent = new
 * Agent(…)` on an options object this function builds and passes to a call: the pool is lent to the
 * call, not handed over, and nothing else in the function keeps it. The call that borrows it, when
 * `held` is such an option value; undefined for any other position or when the options object
 * leaves the function (returned, stored, captured).
 */
export function borrowedClientOptionCall(held: Node, owner: FunctionNode, scopeManager: ScopeManagerLike): TSESTree.CallExpression | undefined {
  const value = outermostWrapper(held);
  const parent = value.parent;
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === value && !parent.computed && optionName(parent.key) !== undefined) {
    const object = parent.parent;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const call = outermostWrapper(object).parent;
    if (call?.type === AST_NODE_TYPES.CallExpression && (call.arguments as readonly Node[]).includes(outermostWrapper(object))) return call;
    const declarator = outermostWrapper(object).parent;
    return declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init === outermostWrapper(object) ? callOfLocalOptions(declarator, owner, scopeManager) : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === value && parent.operator === '=' && parent.left.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(parent.left);
    const object = parent.left.object;
    if (name === undefined || !BORROWED_CLIENT_OPTIONS.has(name) || object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const definition = findVariable(scopeManager, object)?.defs[0]?.node;
    return definition?.type === AST_NODE_TYPES.VariableDeclarator ? callOfLocalOptions(definition, owner, scopeManager) : undefined;
  }
  return undefined;
}

function optionName(key: TSESTree.Node): string | undefined {
  const name = key.type === AST_NODE_TYPES.Identifier ? key.name : key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string' ? key.value : undefined;
  return name !== undefined && BORROWED_CLIENT_OPTIONS.has(name) ? name : undefined;
}

/**
 * `const options = { … }` declared in `owner` and used only to read or write its properties and as a
 * call's argument: the first call it is passed to. Returned, stored, spread into something kept or
 * captured by a nested function, it may outlive the call.
 */
function callOfLocalOptions(declarator: TSESTree.VariableDeclarator, owner: FunctionNode, scopeManager: ScopeManagerLike): TSESTree.CallExpression | undefined {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init || declarator.init.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  if (enclosingFunction(declarator) !== owner) return undefined;
  const variable = scopeManager.getDeclaredVariables(declarator)[0];
  if (!variable) return undefined;
  let call: TSESTree.CallExpression | undefined;
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (enclosingFunction(reference.identifier) !== owner) return undefined;
    const use = outermostWrapper(reference.identifier);
    const parent = use.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) continue;
    if (parent?.type === AST_NODE_TYPES.CallExpression && (parent.arguments as readonly Node[]).includes(use)) {
      call ??= parent;
      continue;
    }
    return undefined;
  }
  return call;
}

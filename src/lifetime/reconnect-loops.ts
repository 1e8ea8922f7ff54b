import type { TSESTree } from '@typescript-eslint/utils';
import { functionName } from '../ast/function-name';
import { AST_NODE_TYPES } from '../ast/node-types';
import { outermostWrapper, staticPropertyName, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
import { walk, type Node } from '../ast/traverse';

const LISTENING_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener']);
/** Events after which a client is gone: the next one is made only then. */
const END_EVENTS = new Set(['close', 'end', 'disconnect', 'exit']);

/**
 * `function connect() { const ws = new WebSocket(url); ws.on('close', () => setTimeout(connect, 1000)); }`:
 * the function runs again only when the client it made has ended, so one client lives at a time. A
 * reconnect loop, not a client per call (a ws client reconnecting from its own `close` listener was
 * reported as "created on every run and never closed").
 */
export function reconnectsFromItsOwnEnd(held: Node, owner: FunctionNode, scopeManager: ScopeManagerLike): boolean {
  const name = functionName(owner);
  if (name === undefined) return false;
  const declarator = outermostWrapper(held).parent;
  if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = scopeManager.getDeclaredVariables(declarator).find((candidate) => candidate.name === (declarator.id as TSESTree.Identifier).name);
  return (variable?.references ?? []).some((reference) => {
    const listener = endListenerOf(reference.identifier);
    return listener !== undefined && callsByName(listener, name, owner);
  });
}

/** `client.on('close', listener)`: the listener, when `node` is the receiver and the event ends the client. */
function endListenerOf(node: Node): Node | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || !LISTENING_METHODS.has(staticPropertyName(member) ?? '')) return undefined;
  const call = member.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return undefined;
  const [event, listener] = call.arguments;
  if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string' || !END_EVENTS.has(event.value)) return undefined;
  return listener;
}

/** Whether `listener` calls (or schedules) the function named `name`: `connect()`, `this.connect()`, `setTimeout(connect, ms)`. */
function callsByName(listener: Node, name: string, owner: FunctionNode): boolean {
  const method = owner.parent?.type === AST_NODE_TYPES.MethodDefinition || owner.parent?.type === AST_NODE_TYPES.PropertyDefinition;
  let found = false;
  walk(listener, (node) => {
    if (found) return false;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === name && !method) {
      const parent = node.parent;
      // A call of it, or it handed to a scheduler as the callback.
      if ((parent?.type === AST_NODE_TYPES.CallExpression && (parent.callee === node || parent.arguments.includes(node))) ) found = true;
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression && staticPropertyName(node) === name && method) found = true;
    return !found;
  });
  return found;
}

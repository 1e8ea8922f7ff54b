import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, type FunctionNode } from '../ast/predicates';
import { findVariable, type ScopeManagerLike } from '../ast/scopes';
import type { Node } from '../ast/traverse';
import { timerFunctionOf } from '../lifetime/timer-calls';
import type { HandleUsage } from '../ownership/handle-usage';
import { continuationOf, isErrorFirstCallback } from './continuations';

/**
 * The function the owner hands to some other object's event source (`abort$.subscribe(cb)`,
 * `signal.addEventListener('abort', cb)`, `req.on('close', cb)`), written in the owner itself. Not a
 * promise continuation, a Node-style callback or a timer: those run on the owner's own paths, or
 * at a time they fix themselves, and have their own judgements.
 */
function listenerOf(release: Node, owner: FunctionNode, program: TSESTree.Program, scopeManager: ScopeManagerLike): FunctionNode | undefined {
  const callback = enclosingFunction(release);
  if (!callback || callback === owner || enclosingFunction(callback) !== owner) return undefined;
  if (continuationOf(callback) || isErrorFirstCallback(callback)) return undefined;
  const call = outermostWrapper(callback).parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !(call.arguments as readonly Node[]).includes(outermostWrapper(callback))) return undefined;
  if (timerFunctionOf(call.callee, program, scopeManager)) return undefined;
  return isFunction(callback) ? callback : undefined;
}

/**
 * Events that report the end of the handle's life (`browser.on('disconnected', …)`, `child.on('exit', …)`)
 * rather than carry its data: a listener for one observes the handle, it does not keep it working.
 */
const LIFECYCLE_EVENTS = new Set(['close', 'disconnected', 'disconnect', 'exit', 'end', 'finish']);

/** `handle.on('disconnected', …)`: a listener registration on the handle for a lifecycle event. */
function observesLifecycle(reference: Node): boolean {
  const member = outermostWrapper(reference).parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression) return false;
  const call = outermostWrapper(member).parent;
  const event = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
  return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' && LIFECYCLE_EVENTS.has(event.value);
}

/**
 * The owner's own releases, when the only other ends of the handle are releases in listeners it
 * registers on something else. Such a listener runs when its event comes (the request is aborted,
 * the caller unsubscribes), not when the owner throws: it adds a way out, it does not cover the
 * owner's paths, and a function that also releases the handle itself says it owns it. Yuan's SQL
 * service released its pg client in an abort subscription and after the query, and a failing query
 * kept the client checked out; judged as the owner's, that path shows. Listeners the owner puts on
 * the handle for its end (`browser.on('disconnected', …)`) only observe it, and leave it the owner's
 * too (blacklight's collector closed the browser on success only, and watched it disconnect).
 */
export function releasesBesideListeners(usage: HandleUsage, owner: FunctionNode, program: TSESTree.Program, scopeManager: ScopeManagerLike): readonly Node[] | undefined {
  if (usage.escape?.reason !== 'released in a callback' && usage.escape?.reason !== 'handed to its listeners') return undefined;
  const ownReleases = usage.releasesAlongHandOffs.filter((release) => enclosingFunction(release) === owner);
  if (ownReleases.length === 0) return undefined;
  const handOffs = usage.handOffs.filter((handOff) => !handOff.settles);
  if (handOffs.length === 0) return undefined;
  for (const handOff of handOffs) {
    if (handOff.reason === 'handed to its listeners' && handOff.inOwner && observesLifecycle(handOff.node)) continue;
    if (handOff.reason !== 'released in a callback' || !listenerOf(handOff.node, owner, program, scopeManager)) return undefined;
  }
  return ownReleases;
}

/**
 * The locals a lifecycle listener on the handle sets to `true` (`browser.on('disconnected', () => {
 * disconnected = true; })`): flags that say the handle has ended by itself.
 */
export function endedFlags(usage: HandleUsage, owner: FunctionNode, scopeManager: ScopeManagerLike): ReadonlySet<string> | undefined {
  const flags = new Set<string>();
  for (const handOff of usage.handOffs) {
    if (handOff.reason !== 'handed to its listeners' || !handOff.inOwner || !observesLifecycle(handOff.node)) continue;
    const call = outermostWrapper(outermostWrapper(handOff.node).parent as Node).parent;
    const listener = call?.type === AST_NODE_TYPES.CallExpression ? call.arguments[1] : undefined;
    if (!listener || !isFunction(listener)) continue;
    const statements = listener.body.type === AST_NODE_TYPES.BlockStatement ? listener.body.body : [];
    for (const statement of statements) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
      const assignment = statement.expression;
      if (assignment.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left.type !== AST_NODE_TYPES.Identifier) continue;
      if (assignment.right.type !== AST_NODE_TYPES.Literal || assignment.right.value !== true) continue;
      const variable = findVariable(scopeManager, assignment.left);
      const definition = variable?.defs[0];
      if (definition?.type === 'Variable' && enclosingFunction(definition.name) === owner) flags.add(assignment.left.name);
    }
  }
  return flags.size > 0 ? flags : undefined;
}

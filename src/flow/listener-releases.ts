import type { TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '../ast/node-types';
import { enclosingFunction, isFunction, outermostWrapper, type FunctionNode } from '../ast/predicates';
import type { ScopeManagerLike } from '../ast/scopes';
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
 * The owner's own releases, when the only other ends of the handle are releases in listeners it
 * registers on something else. Such a listener runs when its event comes (the request is aborted,
 * the caller unsubscribes), not when the owner throws: it adds a way out, it does not cover the
 * owner's paths, and a function that also releases the handle itself says it owns it. Yuan's SQL
 * service released its pg client in an abort subscription and after the query, and a failing query
 * kept the client checked out; judged as the owner's, that path shows.
 */
export function releasesBesideListeners(usage: HandleUsage, owner: FunctionNode, program: TSESTree.Program, scopeManager: ScopeManagerLike): readonly Node[] | undefined {
  if (usage.escape?.reason !== 'released in a callback') return undefined;
  const ownReleases = usage.releasesAlongHandOffs.filter((release) => enclosingFunction(release) === owner);
  if (ownReleases.length === 0) return undefined;
  const handOffs = usage.handOffs.filter((handOff) => !handOff.settles);
  if (handOffs.length === 0) return undefined;
  for (const handOff of handOffs) {
    if (handOff.reason !== 'released in a callback' || !listenerOf(handOff.node, owner, program, scopeManager)) return undefined;
  }
  return ownReleases;
}

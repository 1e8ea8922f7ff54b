import { enclosingFunction, outermostWrapper, type FunctionNode } from '../ast/predicates';
import type { Node } from '../ast/traverse';
import type { HandleUsage } from '../ownership/handle-usage';
import { continuationOf } from './continuations';

/**
 * `return work(page).finally(() => page.close())`: a `.finally()` callback runs whichever way the
 * chain settles, and when the function builds that chain itself (not inside another callback) its
 * release is the function's own, at the chain's place. The handle is then the function's to release
 * on every path, and a `throw` or `return` before the chain skips it (chat-ui's scraper left a
 * Playwright page open on every failed load and every plain-text response). Answers the release
 * calls to judge as the function's own; undefined when the handle leaves any other way (returned,
 * stored, released in a listener or a success-only `.then()`), which the other models judge.
 */
export function releasesInOwnChainFinally(usage: HandleUsage, owner: FunctionNode): readonly Node[] | undefined {
  if (usage.escape?.reason !== 'released in a callback') return undefined;
  const handOffs = usage.handOffs.filter((handOff) => !handOff.settles && !handOff.borrowed);
  if (handOffs.length === 0) return undefined;
  const releases: Node[] = [];
  for (const handOff of handOffs) {
    if (handOff.reason !== 'released in a callback') return undefined;
    const callback = enclosingFunction(handOff.node);
    const continuation = callback && continuationOf(callback);
    if (continuation?.role !== 'settled') return undefined;
    // The chain's `.finally(…)` call itself runs in the function, not in a callback of it.
    const chain = outermostWrapper(continuation.callback).parent;
    if (!chain || enclosingFunction(chain) !== owner) return undefined;
    releases.push(handOff.node);
  }
  return [...usage.releasesAlongHandOffs.filter((release) => enclosingFunction(release) === owner), ...releases];
}

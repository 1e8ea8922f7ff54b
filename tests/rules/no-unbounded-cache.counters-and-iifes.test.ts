import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Two ways keys and holders hide from a file-local reading:
 * - a counter bumped with `nextId += 1` (not `nextId++`) still hands out a new key per call: a
 *   generated key (brcast's subscription ids, whose unsubscribe set the slot to `undefined` and left
 *   the key);
 * - a collection declared in a function the module runs at load (`(function () { … })()`, the
 *   browser-script and shim shape) lives as long as the functions made inside it that use it.
 * Verdicts from syntax, so both modes agree.
 */
const broadcast = (unsubscribe: string) => `
export default function createBroadcast<T>(initial: T) {
  let listeners: Record<number, ((state: T) => void) | undefined> = {};
  let nextId = 1;
  let current = initial;
  function setState(state: T): void {
    current = state;
    for (const id of Object.keys(listeners)) listeners[Number(id)]?.(state);
  }
  function subscribe(listener: (state: T) => void): number {
    const subscriptionId = nextId;
    listeners[subscriptionId] = listener;
    nextId += 1;
    return subscriptionId;
  }
  function unsubscribe(subscriptionId: number): void {
    ${unsubscribe};
  }
  return { getState: () => current, setState, subscribe, unsubscribe };
}`;

const shim = (cleared: string) => `
(function () {
  const callbacks: Record<number, () => void> = {};
  let lastId = 0;
  const channel = new MessageChannel();
  channel.port1.onmessage = (event: MessageEvent<number>) => {
    const callback = callbacks[event.data];
    ${cleared}
    callback?.();
  };
  (globalThis as { defer?: (callback: () => void) => number }).defer = (callback) => {
    lastId += 1;
    callbacks[lastId] = callback;
    channel.port2.postMessage(lastId);
    return lastId;
  };
})();`;

const valid = [
  { name: 'unsubscribe deletes the key', code: broadcast('delete listeners[subscriptionId]') },
  { name: 'the shim deletes each callback when it runs', code: shim('delete callbacks[event.data];') },
  {
    name: 'an IIFE whose collection only its own body fills, once',
    code: `
(function () {
  const names: string[] = [];
  for (const name of ['a', 'b']) names.push(name);
  (globalThis as { knownNames?: () => string[] }).knownNames = () => names;
})();`,
  },
];

const invalid = [
  {
    name: 'unsubscribe sets the slot to undefined: the key stays (brcast)',
    code: broadcast('listeners[subscriptionId] = undefined'),
    errors: [{ messageId: 'unboundedClosureCache' as const }],
  },
  {
    name: "a shim's callbacks, kept by the module's immediately invoked function, are never deleted",
    code: shim(''),
    errors: [{ messageId: 'unboundedClosureCache' as const }],
  },
];

typedRuleTester().run('no-unbounded-cache (counters bumped by +=, module IIFEs, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (counters bumped by +=, module IIFEs, untyped)', rule, { valid, invalid });

/**
 * The methods that attach a listener, by what they promise: an EventEmitter (`on`, `once` …) or an
 * EventTarget (`addEventListener`), and whether the listener runs once or for every event. One table,
 * so "a callback runs per event" (lifetime) and "a handle is handed to its listeners" (ownership)
 * agree on which methods they mean.
 */
const LISTENER_METHODS = {
  on: { api: 'emitter', once: false },
  addListener: { api: 'emitter', once: false },
  prependListener: { api: 'emitter', once: false },
  once: { api: 'emitter', once: true },
  prependOnceListener: { api: 'emitter', once: true },
  addEventListener: { api: 'event-target', once: false },
} as const satisfies Readonly<Record<string, { readonly api: 'emitter' | 'event-target'; readonly once: boolean }>>;

export type ListenerMethod = keyof typeof LISTENER_METHODS;

function isListenerMethod(name: string): name is ListenerMethod {
  return Object.hasOwn(LISTENER_METHODS, name);
}

/** `on`, `addListener`, `prependListener`, `addEventListener`: the listener runs for every event. */
export function isRepeatingListenerMethod(name: string): boolean {
  return isListenerMethod(name) && !LISTENER_METHODS[name].once;
}

/** Every EventEmitter method that attaches a listener, `once` included (not `addEventListener`). */
export function isEmitterListenerMethod(name: string): boolean {
  return isListenerMethod(name) && LISTENER_METHODS[name].api === 'emitter';
}

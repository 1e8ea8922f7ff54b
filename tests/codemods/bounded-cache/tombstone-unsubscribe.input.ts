// A broadcast's unsubscribe empties the listener's slot but keeps its key (brcast).
export function createBroadcast<T>(initial: T) {
  const listeners: Record<number, ((state: T) => void) | undefined> = {};
  let nextId = 1;
  let current = initial;

  function setState(state: T): void {
    current = state;
    for (const id of Object.keys(listeners)) listeners[Number(id)]?.(state);
  }

  function subscribe(listener: (state: T) => void): number {
    const id = nextId;
    listeners[id] = listener;
    nextId += 1;
    return id;
  }

  function unsubscribe(id: number): void {
    listeners[id] = undefined;
  }

  return { getState: () => current, setState, subscribe, unsubscribe };
}

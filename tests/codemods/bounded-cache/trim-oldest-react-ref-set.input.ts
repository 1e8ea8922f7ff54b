import { useCallback, useRef } from 'react';

// A dashboard hook that drops duplicate deliveries: the Set lives in a ref for as long as the page is
// open. `useRef(new LRUCache(…))` would build a cache on every render, so the Set stays and keeps
// only its newest ids.
export function useDeduplicatedEvents(onEvent: (id: string, body: string) => void) {
  const seenEventIdsRef = useRef(new Set<string>());
  return useCallback(
    (message: { id: string; body: string }) => {
      if (seenEventIdsRef.current.has(message.id)) return;
      seenEventIdsRef.current.add(message.id);
      onEvent(message.id, message.body);
    },
    [onEvent],
  );
}

// Every subscriber is pinged on each tick, in no particular order.
import { LRUCache } from 'lru-cache';

const subscribers = new LRUCache<string, true>({ max: 1000 });

export function subscribe(id: string): void {
  subscribers.set(id, true);
}

export function pingAll(send: (id: string) => void): void {
  for (const id of [...subscribers.keys()]) {
    send(id);
  }
}

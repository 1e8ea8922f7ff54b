// Each worker's last heartbeat is checked on a timer; the order they are checked in does not matter.
import { LRUCache } from 'lru-cache';

const heartbeats = new LRUCache<string, number>({ max: 1000 });

export function beat(worker: string): void {
  heartbeats.set(worker, Date.now());
}

export function checkAll(alarm: (worker: string) => void): void {
  heartbeats.forEach((at, worker) => {
    if (Date.now() - at > 30_000) alarm(worker);
  });
}

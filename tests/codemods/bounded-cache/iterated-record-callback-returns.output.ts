// A `return` inside a callback the loop makes ends that callback, not the loop: order still does not matter.
import { LRUCache } from 'lru-cache';

const timers: LRUCache<string, number> = new LRUCache<string, number>({ max: 1000 });

export function arm(name: string): void {
  timers.set(name, Date.now());
}

export function expire(now: number, fire: (name: string, done: () => boolean) => void): void {
  for (const name of [...timers.keys()]) {
    fire(name, () => {
      if (now < 0) return false;
      return true;
    });
  }
}

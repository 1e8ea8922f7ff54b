import { EventEmitter } from 'node:events';

class Tab extends EventEmitter {}

export class Tracker {
  private readonly contexts: WeakMap<Tab, { opened: number }> = new Map();
  private readonly seen: WeakSet<Tab> = new Set<Tab>();

  track(tab: Tab): void {
    if (this.seen.has(tab)) return;
    this.seen.add(tab);
    this.contexts.set(tab, { opened: Date.now() });
  }

  untrack(tab: Tab): void {
    this.contexts.delete(tab);
  }
}

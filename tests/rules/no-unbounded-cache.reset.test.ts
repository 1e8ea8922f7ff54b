import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A reset that leaves one collection out: a field pruned only key by key, in a class whose reset
 * method empties its other collections wholesale but not this one. No type information involved:
 * both modes must agree.
 */
const valid = [
  {
    name: 'the reset clears the key index along with the slots',
    code: `
export class Recent {
  private positions = new Map<string, number>();
  private names: string[] = [];
  private stamps: number[] = [];
  remember(name: string) {
    if (this.names.length > 50) this.positions.delete(this.names.shift()!);
    this.positions.set(name, this.names.push(name));
    this.stamps.push(Date.now());
  }
  reset() {
    this.positions.clear();
    this.names = [];
    this.stamps = [];
  }
}`,
  },
  {
    name: 'a stop method that only drops a socket and zeroes a counter is not a reset of the state',
    code: `
import { randomUUID } from 'node:crypto';
export class Requests {
  private pending = new Map<string, (value: unknown) => void>();
  private socket: { send(data: string): void } | null = null;
  private sent = 0;
  ask(resolve: (value: unknown) => void) {
    const id = randomUUID();
    this.pending.set(id, resolve);
    this.sent += 1;
    this.socket?.send(id);
  }
  answer(id: string, value: unknown) {
    this.pending.get(id)?.(value);
    this.pending.delete(id);
  }
  stop() {
    this.socket = null;
    this.sent = 0;
  }
}`,
  },
  {
    name: 'a registry filled with names from the code is not judged',
    code: `
export class Plugins {
  private byName = new Map<string, number>();
  private loaded: string[] = [];
  private order: number[] = [];
  boot() {
    this.byName.set('auth', 1);
    this.byName.set('cache', 2);
  }
  unload(name: string) {
    this.byName.delete(name);
  }
  reset() {
    this.loaded = [];
    this.order = [];
  }
}`,
  },
  {
    name: 'a reset of the slot arrays does not strand a key index whose keys its callers name to delete',
    code: `
export class Recent {
  private positions = new Map<string, number>();
  private names: string[] = [];
  private stamps: number[] = [];
  remember(name: string) {
    if (this.names.length > 50) this.names.shift();
    this.positions.set(name, this.names.push(name));
    this.stamps.push(Date.now());
  }
  forget(name: string) {
    this.positions.delete(name);
  }
  reset() {
    this.names = [];
    this.stamps.length = 0;
  }
}`,
  },
];

const invalid = [
  {
    name: 'a reset that empties the slot arrays but keeps the key index',
    code: `
export class Recent {
  private positions = new Map<string, number>();
  private names: string[] = [];
  private stamps: number[] = [];
  remember(name: string) {
    if (this.names.length > 50) this.positions.delete(this.names.shift()!);
    this.positions.set(name, this.names.push(name));
    this.stamps.push(Date.now());
  }
  reset() {
    this.names = [];
    this.stamps.length = 0;
  }
}`,
    errors: [{ messageId: 'notClearedByReset' as const, line: 3, data: { name: 'this.positions', collection: 'a Map', owner: 'Recent', method: 'reset', line: '8' } }],
  },
  {
    name: 'the evicted key is read from a slot array into a local first',
    code: `
export class Recent {
  private positions = new Map<string, number>();
  private names: string[] = [];
  private stamps: number[] = [];
  remember(name: string) {
    if (this.names.length > 50) {
      const oldest = this.names.shift();
      this.positions.delete(oldest!);
    }
    this.positions.set(name, this.names.push(name));
    this.stamps.push(Date.now());
  }
  reset() {
    this.names = [];
    this.stamps.length = 0;
  }
}`,
    errors: [{ messageId: 'notClearedByReset' as const, line: 3 }],
  },
];

typedRuleTester().run('no-unbounded-cache (reset leaves a collection out, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (reset leaves a collection out, untyped)', rule, { valid, invalid });

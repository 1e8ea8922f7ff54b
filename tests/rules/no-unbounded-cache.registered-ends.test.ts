import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Entries that leave by an end listener registered with them: `add(user)` files the user and
 * registers `user.once('destroy', () => index.delete(user.id))`. When another function files entries
 * without registering one (playnetwork's `get()`, which added remote users looked up through Redis),
 * those never leave; the fix registers the same removal there. Same verdicts in both modes.
 */
const users = (lookup: string) => `
import { EventEmitter } from 'node:events';
class User extends EventEmitter {
  constructor(readonly id: string, readonly remote: boolean) {
    super();
  }
}
class Users {
  private readonly index = new Map<string, User>();
  add(user: User): void {
    this.index.set(user.id, user);
    user.once('destroy', () => this.index.delete(user.id));
  }
  get(id: string): User | undefined {
    if (!this.index.has(id)) {
      const user = new User(id, true);
      this.index.set(user.id, user);${lookup}
    }
    return this.index.get(id);
  }
}
export const users = new Users();`;

typedRuleTester().run('no-unbounded-cache (ends registered by some growing functions, typed)', rule, {
  valid: [{ name: 'both growing functions register the removal', code: users("\n      user.once('destroy', () => this.index.delete(user.id));") }],
  invalid: [{ name: 'get() files remote users without the destroy listener (playnetwork)', code: users(''), errors: [{ messageId: 'unboundedFieldCache' }] }],
});
untypedRuleTester().run('no-unbounded-cache (ends registered by some growing functions, untyped)', rule, {
  valid: [{ name: 'both growing functions register the removal', code: users("\n      user.once('destroy', () => this.index.delete(user.id));") }],
  invalid: [{ name: 'get() files remote users without the destroy listener (playnetwork)', code: users(''), errors: [{ messageId: 'unboundedFieldCache' }] }],
});

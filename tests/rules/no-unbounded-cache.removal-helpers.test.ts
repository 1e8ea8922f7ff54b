import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * `spliceOne(this.clients, this.clients.indexOf(client))` with a helper from another module: an array
 * handed over with the index of one of its entries loses that entry — there is no other use for the
 * index. A helper handed only the array may do anything with it, so it stays a hand-off.
 */
const transport = (close: string) => `
import { createServer, type Socket } from 'node:net';
import { spliceOne } from './utils';
export class Transport {
  public clients: Socket[] = [];
  listen(port: number): void {
    createServer((socket) => {
      this.clients.push(socket);
      socket.on('close', () => ${close});
    }).listen(port);
  }
}`;

const valid = [
  { name: 'an imported helper handed the array and the index of the closed client', code: transport('spliceOne(this.clients, this.clients.indexOf(socket))') },
  { name: 'the same with findIndex', code: transport('spliceOne(this.clients, this.clients.findIndex((other) => other === socket))') },
];

const invalid = [
  {
    name: 'an index of another array says nothing about this one',
    code: transport('spliceOne(this.clients, [socket].indexOf(socket))'),
    errors: [{ messageId: 'unboundedFieldCache' as const, line: 5 }],
  },
];

typedRuleTester().run('no-unbounded-cache (removal by index through a helper, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (removal by index through a helper, untyped)', rule, { valid, invalid });

import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A socket kept in a field of the instance is the instance's to end, but a 'timeout' listener the
 * same function wires gives up on it: Node leaves a timed-out socket open, so a listener that neither
 * ends the field's socket nor calls a method of the instance (which may) leaves it open.
 */
const valid = [
  {
    name: 'the timeout listener destroys the socket in the field',
    code: `
import net from 'node:net';
export class Probe {
  private socket: net.Socket | undefined;
  open(port: number, done: (error?: Error) => void): void {
    this.socket = net.createConnection(port, '127.0.0.1');
    this.socket.setTimeout(1000);
    this.socket.on('timeout', () => {
      this.socket?.destroy();
      done(new Error('timed out'));
    });
  }
}`,
  },
  {
    name: 'the timeout listener hands the ending to a method of the instance',
    code: `
import net from 'node:net';
export class Probe {
  private socket: net.Socket | undefined;
  open(port: number): void {
    const self = this;
    self.socket = net.createConnection(port, '127.0.0.1');
    self.socket.setTimeout(1000);
    self.socket.on('timeout', function () {
      self.close();
    });
  }
  close(): void {
    this.socket?.end();
  }
}`,
  },
];

const invalid = [
  {
    name: 'a timeout listener that only reports the failure leaves the field’s socket open',
    code: `
import net from 'node:net';
export class Broker {
  private socket: net.Socket | undefined;
  private opened = false;
  connect(port: number, callback: (error?: Error) => void): void {
    const self = this;
    self.socket = net.createConnection(port, '127.0.0.1');
    self.socket.setTimeout(5000);
    self.socket.on('timeout', function () {
      self.opened = false;
      callback(new Error('connect ETIMEDOUT'));
    });
    self.socket.once('data', () => {
      self.opened = true;
      callback();
    });
  }
}`,
    errors: [{ messageId: 'timeoutWithoutRelease' as const, line: 8 }],
  },
];

typedRuleTester().run('require-close (sockets kept in fields, given up on by a timeout, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (sockets kept in fields, given up on by a timeout, untyped)', rule, { valid, invalid });

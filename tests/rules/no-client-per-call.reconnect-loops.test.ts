import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A function that makes a client and runs again only from that client's own end (`close`, `end`,
 * `disconnect`, `exit` listeners, directly or through a timer) keeps one client alive at a time: a
 * reconnect loop. ws clients are known by their shape with types (untyped, the registry does not
 * list ws, so the invalid cases are typed only).
 */
const reconnect = (listener: string) => `
import WebSocket from 'ws';
export function connect(url: string, onMessage: (data: string) => void): void {
  const socket = new WebSocket(url);
  socket.on('message', (data) => onMessage(String(data)));
  ${listener}
}`;

const valid = [
  { name: 'reconnects after a delay from its own close listener', code: reconnect("socket.on('close', () => { setTimeout(() => connect(url, onMessage), 1000); });") },
  { name: 'hands itself to the timer from its own close listener', code: reconnect("socket.once('close', () => setTimeout(connect, 1000, url, onMessage));") },
  {
    name: 'a method that reconnects from its own close listener',
    code: `
import WebSocket from 'ws';
export class Feed {
  constructor(private readonly url: string) {}
  start(): void {
    const socket = new WebSocket(this.url);
    socket.on('close', () => this.start());
  }
}`,
  },
];

const typedInvalid = [
  { name: 'a close listener that only logs', code: reconnect("socket.on('close', () => console.log('closed'));"), errors: [{ messageId: 'neverClosed' as const }] },
  {
    name: 'reconnecting on a message leaves the old client open',
    code: reconnect("socket.on('message', (data) => { if (String(data) === 'moved') connect(url, onMessage); });"),
    errors: [{ messageId: 'neverClosed' as const }],
  },
];

typedRuleTester().run('no-client-per-call (reconnect loops, typed)', rule, { valid, invalid: typedInvalid });
untypedRuleTester().run('no-client-per-call (reconnect loops, untyped)', rule, { valid, invalid: [] });

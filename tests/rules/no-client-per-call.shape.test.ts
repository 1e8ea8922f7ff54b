import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A package's value the registry does not list, recognised in typed mode by its declared shape: it can
 * be ended and it holds a connection (a `connect()`, a Socket or Agent property, or where to connect in
 * its options). `ws` is installed with its types; servers, streams and `connect()` resolving to its own
 * receiver are not clients made per call. Without types nothing here is known, so the invalid cases
 * are typed only.
 */
const valid = [
  {
    name: 'a WebSocket client opened once when the module loads',
    code: `
import WebSocket from 'ws';
const feed = new WebSocket('ws://127.0.0.1:8080/feed');
export function publish(message: string) {
  feed.send(message);
}`,
  },
  {
    name: 'a WebSocket server made by a start-up function: a server, not a client of one',
    code: `
import { WebSocketServer } from 'ws';
export function main() {
  const server = new WebSocketServer({ port: 8080 });
  server.on('connection', (socket) => socket.send('hello'));
}`,
  },
  {
    name: 'a WebSocket client opened and closed by a one-shot probe',
    code: `
import WebSocket from 'ws';
export async function probe(url: string) {
  const socket = new WebSocket(url);
  try {
    await new Promise((resolve) => socket.once('open', resolve));
  } finally {
    socket.close();
  }
}`,
  },
];

const typedInvalid = [
  {
    name: 'a WebSocket client opened for every message and never closed',
    code: `
import WebSocket from 'ws';
export function forward(url: string, message: string) {
  const socket = new WebSocket(url);
  socket.send(message);
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
];

typedRuleTester().run('no-client-per-call by shape (typed)', rule, { valid, invalid: typedInvalid });
untypedRuleTester().run('no-client-per-call by shape (untyped)', rule, { valid: [...valid, ...typedInvalid.map(({ name, code }) => ({ name: `without types: ${name}`, code }))], invalid: [] });

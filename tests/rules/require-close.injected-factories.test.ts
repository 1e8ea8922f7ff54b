import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A factory the code was given (so tests can pass a fake) makes what its written type says: a
 * `websocketFactory: (url: string) => WebSocket` field, with WebSocket from `ws`, makes a ws socket
 * as `new WebSocket(url)` does, and the socket is judged the same way. `ws` is installed with its
 * types, so the typed run sees the real class; the untyped run reads the written types.
 */
const valid = [
  {
    name: 'the timeout closes the socket an injected factory made before it rejects',
    code: `
import WebSocket from 'ws';
export type WebsocketFactory = (url: string) => WebSocket;
export class Connector {
  private socket: WebSocket | null = null;
  constructor(private readonly url: string, private readonly websocketFactory: WebsocketFactory) {}
  connect(timeout: number): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const websocket = this.websocketFactory(this.url);
      const timer = setTimeout(() => {
        websocket.close();
        reject(new Error('timed out'));
      }, timeout);
      websocket.on('open', () => {
        clearTimeout(timer);
        this.socket = websocket;
        resolve(websocket);
      });
    });
  }
  stop(): void {
    this.socket?.close();
  }
}`,
  },
  {
    name: 'an injected accessor hands back a shared socket: not a factory, not judged',
    code: `
import WebSocket from 'ws';
export class Pinger {
  constructor(private readonly currentSocket: () => WebSocket) {}
  ping(timeout: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = this.currentSocket();
      const timer = setTimeout(() => reject(new Error('timed out')), timeout);
      socket.once('pong', () => {
        clearTimeout(timer);
        socket.close();
        resolve();
      });
      socket.ping();
    });
  }
}`,
  },
  {
    name: "an injected factory of the project's own type is not a package's product",
    code: `
interface Channel { send(message: string): Promise<void>; close(): void; }
export async function announce(channelFactory: (name: string) => Channel, message: string): Promise<void> {
  const channel = channelFactory('news');
  await channel.send(message);
  channel.close();
}`,
  },
  {
    name: 'a socket from an injected factory closed in finally',
    code: `
import { once } from 'node:events';
import WebSocket from 'ws';
export async function ping(socketFactory: (url: string) => WebSocket, url: string): Promise<void> {
  const socket = socketFactory(url);
  try {
    await once(socket, 'open');
    socket.send('ping');
  } finally {
    socket.close();
  }
}`,
  },
];

const invalid = [
  {
    name: 'the timeout rejects and leaves the socket an injected factory made open (mml)',
    code: `
import WebSocket from 'ws';
export type WebsocketFactory = (url: string) => WebSocket;
export class Connector {
  private socket: WebSocket | null = null;
  constructor(private readonly url: string, private readonly websocketFactory: WebsocketFactory) {}
  connect(timeout: number): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error('timed out'));
      }, timeout);
      const websocket = this.websocketFactory(this.url);
      websocket.on('open', () => {
        clearTimeout(timer);
        this.socket = websocket;
        resolve(websocket);
      });
    });
  }
  stop(): void {
    this.socket?.close();
  }
}`,
    errors: [
      {
        messageId: 'settledWithoutRelease' as const,
        line: 12,
        suggestions: [
          {
            messageId: 'releaseBeforeSettle' as const,
            output: `
import WebSocket from 'ws';
export type WebsocketFactory = (url: string) => WebSocket;
export class Connector {
  private socket: WebSocket | null = null;
  constructor(private readonly url: string, private readonly websocketFactory: WebsocketFactory) {}
  connect(timeout: number): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        websocket.close();
        reject(new Error('timed out'));
      }, timeout);
      const websocket = this.websocketFactory(this.url);
      websocket.on('open', () => {
        clearTimeout(timer);
        this.socket = websocket;
        resolve(websocket);
      });
    });
  }
  stop(): void {
    this.socket?.close();
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'a socket from an injected factory parameter closed only on the happy path',
    code: `
import { once } from 'node:events';
import WebSocket from 'ws';
export async function ping(socketFactory: (url: string) => WebSocket, url: string): Promise<void> {
  const socket = socketFactory(url);
  await once(socket, 'open');
  socket.send('ping');
  socket.close();
}`,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `
import { once } from 'node:events';
import WebSocket from 'ws';
export async function ping(socketFactory: (url: string) => WebSocket, url: string): Promise<void> {
  const socket = socketFactory(url);
  try {
    await once(socket, 'open');
    socket.send('ping');
  } finally {
    socket.close();
  }
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (injected factories, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (injected factories, untyped)', rule, { valid, invalid });

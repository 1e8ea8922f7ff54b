import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A timer that settles the promise around an operation gives up on it: whatever the operation opened
 * is still open unless the timer's callback ends it. Requests and child processes end by themselves
 * when they complete, so only such give-up paths (and their 'timeout' listeners) must end them; a
 * connection owner by shape (typed: a WebSocket client) is judged on its give-up paths too.
 */
const valid = [
  {
    name: 'a child process awaited until it exits',
    code: `
import { spawn } from 'node:child_process';
export function run(command: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, []);
    child.on('exit', (code) => resolve(code ?? 0));
  });
}`,
  },
  {
    name: 'a request destroyed by the timeout that gives up on it',
    code: `
import http from 'node:http';
export function fetchText(url: string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    setTimeout(() => {
      request.destroy();
      reject(new Error('timed out'));
    }, ms);
  });
}`,
  },
  {
    name: 'a request whose own timeout listener destroys it',
    code: `
import https from 'node:https';
export function ping(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.setTimeout(1000, () => request.destroy(new Error('timed out')));
  });
}`,
  },
  {
    name: 'a WebSocket closed by the timer that gives up on the connection',
    code: `
import WebSocket from 'ws';
export function connect(url: string, ms: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.terminate();
      reject(new Error('timed out'));
    }, ms);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}`,
  },
  {
    name: 'the dropped result of a helper that keeps the socket it resolves with',
    code: `
import WebSocket from 'ws';
export class Connection {
  private socket: WebSocket | undefined;
  private open(url: string): Promise<WebSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once('open', () => {
        this.socket = socket;
        resolve(socket);
      });
      socket.once('error', reject);
    });
  }
  async start(url: string): Promise<void> {
    await this.open(url);
  }
  stop(): void {
    this.socket?.close();
  }
}`,
  },
];

const invalid = [
  {
    name: 'a request that a timer gives up on without destroying it (rss-parser)',
    code: `
import http from 'node:http';
export function fetchText(url: string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve(body));
    });
    request.on('error', reject);
    setTimeout(() => reject(new Error('timed out')), ms);
  });
}`,
    errors: [{ messageId: 'settledWithoutRelease' as const, line: 5 }],
  },
  {
    name: 'a request made through a const naming http.get or https.get, given up by a timer',
    code: `
import http from 'node:http';
import https from 'node:https';
export function fetchStatus(url: string, ms: number): Promise<number> {
  const get = url.startsWith('https:') ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const request = get(url, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', reject);
    setTimeout(() => reject(new Error('timed out')), ms);
  });
}`,
    errors: [{ messageId: 'settledWithoutRelease' as const, line: 7 }],
  },
  {
    name: "a request whose own 'timeout' listener rejects and leaves it open",
    code: `
import http from 'node:http';
export function ping(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject);
    request.setTimeout(1000, () => reject(new Error('timed out')));
  });
}`,
    errors: [{ messageId: 'timeoutWithoutRelease' as const, line: 5 }],
  },
  {
    name: 'a child process still running after a named timeout rejects',
    code: `
import { spawn } from 'node:child_process';
export function run(command: string, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, []);
    const onTimeout = () => reject(new Error('timed out'));
    setTimeout(onTimeout, ms);
    child.on('exit', (code) => resolve(code ?? 0));
  });
}`,
    errors: [{ messageId: 'settledWithoutRelease' as const, line: 5 }],
  },
];

/** A WebSocket client is a connection owner by its shape, which only the checker sees. */
const invalidTyped = [
  {
    name: 'a WebSocket left open when the connection timeout rejects',
    code: `
import WebSocket from 'ws';
export function connect(url: string, ms: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      reject(new Error('timed out'));
    }, ms);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}`,
    errors: [
      {
        messageId: 'settledWithoutRelease' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'releaseBeforeSettle' as const,
            output: `
import WebSocket from 'ws';
export function connect(url: string, ms: number): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('timed out'));
    }, ms);
    socket.once('open', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (give-up paths, typed)', rule, { valid, invalid: [...invalid, ...invalidTyped] });
untypedRuleTester().run('require-close (give-up paths, untyped)', rule, { valid, invalid });

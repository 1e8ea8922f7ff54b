import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A resource kept in a long-lived slot (a field of the instance, a module variable) inside a `try`
 * whose `catch` resets the slot to `null`/`undefined` before anything releases it: the error
 * handler forgets the resource it just made, open (a child process keeps its port, a client its
 * sockets). A handler that releases the slot, keeps it in a local first or calls the instance's own
 * clean-up before emptying it is left alone.
 */
const valid = [
  {
    name: 'the error handler kills the child process before it empties the field',
    code: `
import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private process: ChildProcess | null = null;
  async start(port: number, healthy: (port: number) => Promise<void>): Promise<void> {
    try {
      this.process = spawn('code-server', ['--port', String(port)]);
      await healthy(port);
    } catch (error) {
      this.process?.kill();
      this.process = null;
      throw error;
    }
  }
}`,
  },
  {
    name: 'the error handler keeps the process in a local before emptying the field, and kills it after',
    code: `
import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private process: ChildProcess | null = null;
  async start(port: number, healthy: (port: number) => Promise<void>): Promise<void> {
    try {
      this.process = spawn('code-server', ['--port', String(port)]);
      await healthy(port);
    } catch (error) {
      const child = this.process;
      this.process = null;
      child?.kill();
      throw error;
    }
  }
}`,
  },
  {
    name: "the error handler calls the instance's own stop() first",
    code: `
import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private process: ChildProcess | null = null;
  async start(port: number, healthy: (port: number) => Promise<void>): Promise<void> {
    try {
      this.process = spawn('code-server', ['--port', String(port)]);
      await healthy(port);
    } catch (error) {
      await this.stop();
      this.process = null;
      throw error;
    }
  }
  async stop(): Promise<void> {
    this.process?.kill();
  }
}`,
  },
  {
    name: "an 'exit' listener empties the field of a process that has already ended",
    code: `
import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private process: ChildProcess | null = null;
  start(port: number): void {
    this.process = spawn('code-server', ['--port', String(port)]);
    this.process.on('exit', () => {
      this.process = null;
    });
  }
  stop(): void {
    this.process?.kill();
  }
}`,
  },
];

const invalid = [
  {
    name: 'a failed health check empties the field and leaves the spawned server running',
    code: `
import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private process: ChildProcess | null = null;
  async start(port: number, healthy: (port: number) => Promise<void>): Promise<number> {
    try {
      this.process = spawn('code-server', ['--port', String(port)]);
      await healthy(port);
      return port;
    } catch (error) {
      this.process = null;
      throw new Error('code-server did not start: ' + String(error));
    }
  }
  stop(): void {
    this.process?.kill();
  }
}`,
    errors: [
      {
        messageId: 'droppedOnError' as const,
        line: 7,
        suggestions: [
          {
            messageId: 'releaseBeforeDrop' as const,
            output: `
import { spawn, type ChildProcess } from 'node:child_process';
export class Server {
  private process: ChildProcess | null = null;
  async start(port: number, healthy: (port: number) => Promise<void>): Promise<number> {
    try {
      this.process = spawn('code-server', ['--port', String(port)]);
      await healthy(port);
      return port;
    } catch (error) {
      this.process?.kill();
      this.process = null;
      throw new Error('code-server did not start: ' + String(error));
    }
  }
  stop(): void {
    this.process?.kill();
  }
}`,
          },
        ],
      },
    ],
    output: null,
  },
  {
    name: 'a module slot for a database client reset to undefined when the first query fails',
    code: `
import pg from 'pg';
let client: pg.Client | undefined;
export async function connectOnce(url: string): Promise<void> {
  try {
    client = new pg.Client(url);
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    client = undefined;
    throw error;
  }
}
export async function close(): Promise<void> {
  await client?.end();
}`,
    errors: [
      {
        messageId: 'droppedOnError' as const,
        line: 6,
        suggestions: [
          {
            messageId: 'releaseBeforeDrop' as const,
            output: `
import pg from 'pg';
let client: pg.Client | undefined;
export async function connectOnce(url: string): Promise<void> {
  try {
    client = new pg.Client(url);
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    await client?.end().catch(() => undefined);
    client = undefined;
    throw error;
  }
}
export async function close(): Promise<void> {
  await client?.end();
}`,
          },
        ],
      },
    ],
    output: null,
  },
];

typedRuleTester().run('require-close (slots emptied by an error handler, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (slots emptied by an error handler, untyped)', rule, { valid, invalid });

import rule from '../../rules/respect-backpressure';
import { backpressureCases, type BackpressureCase } from './respect-backpressure.cases';
import { backpressureSuggestionOutputs } from './respect-backpressure.outputs';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** Cases whose verdict does not depend on type information: both modes must agree. */
const valid = [
  {
    name: 'a loop that waits for drain or close when write() returns false',
    code: `
import http from 'node:http';
import { once } from 'node:events';
declare function rows(): AsyncIterable<string>;
http.createServer(async (req, res) => {
  for await (const row of rows()) {
    if (!res.write(row)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
  }
  res.end();
});`,
  },
  {
    name: 'a data listener that pauses its source until the file drains',
    code: `
import http from 'node:http';
import fs from 'node:fs';
http.createServer((req, res) => {
  const file = fs.createWriteStream('/tmp/upload');
  req.on('data', (chunk: Buffer) => {
    if (!file.write(chunk)) {
      req.pause();
      file.once('drain', () => req.resume());
    }
  });
  req.on('end', () => file.end(() => res.end('ok')));
});`,
  },
  {
    name: 'a loop that reads the buffer gauge before writing on',
    code: `
import http from 'node:http';
declare function rows(): AsyncIterable<string>;
declare function drained(res: http.ServerResponse): Promise<void>;
http.createServer(async (req, res) => {
  for await (const row of rows()) {
    res.write(row);
    if (res.writableNeedDrain) await drained(res);
  }
  res.end();
});`,
  },
  {
    name: 'a single write per request is not repeated',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  res.write('hello');
  res.end();
});`,
  },
  {
    name: 'an SSE heartbeat writes a constant comment per period',
    code: `
import http from 'node:http';
http.createServer((req, res) => {
  const timer = setInterval(() => res.write(': ping\\n\\n'), 15000);
  req.on('close', () => clearInterval(timer));
});`,
  },
  {
    name: 'a command-line tool printing lines to stdout',
    code: `
export function print(lines: string[]) {
  for (const line of lines) process.stdout.write(line + '\\n');
}`,
  },
  {
    name: 'an echo that answers on the socket it listens to',
    code: `
import net from 'node:net';
net.createServer((socket) => {
  socket.on('data', (chunk) => socket.write(chunk));
});`,
  },
  {
    name: 'a drain listener that resumes writing is the backpressure itself',
    code: `
import fs from 'node:fs';
export function copy(source: NodeJS.ReadableStream) {
  const file = fs.createWriteStream('/tmp/copy');
  source.on('data', (chunk) => {
    if (!file.write(chunk)) source.pause();
  });
  file.on('drain', () => source.resume());
}`,
  },
];

function invalidCase(shared: BackpressureCase) {
  return {
    name: shared.name,
    code: shared.code,
    errors: shared.errors.map((error) => ({
      messageId: error.messageId,
      line: error.line,
      suggestions: error.suggestions.map((messageId) => ({
        messageId: messageId as never,
        output: backpressureSuggestionOutputs[`${shared.name} / ${messageId}`],
      })),
    })),
  };
}

typed.run('respect-backpressure (typed)', rule, {
  valid: [
    ...valid,
    {
      name: 'typed: a write method of something that is no stream (a logger, a builder) is not judged',
      code: `
class Builder { parts: string[] = []; write(part: string) { this.parts.push(part); } }
export function build(items: string[]) {
  const builder = new Builder();
  for (const item of items) builder.write(item);
  return builder.parts.join('');
}`,
    },
    {
      name: 'typed: a wait for drain on a value that is no stream',
      code: `
import { EventEmitter, once } from 'node:events';
const queue = new EventEmitter();
export async function waitForRoom() {
  await once(queue, 'drain');
}`,
    },
  ],
  invalid: backpressureCases.map(invalidCase),
});

untyped.run('respect-backpressure (untyped)', rule, {
  valid: [
    ...valid,
    {
      name: 'untyped: a write method of a value no factory made is not judged (it may be anything)',
      code: `
export async function relay(socket, next) {
  for (let chunk = await next(); chunk; chunk = await next()) socket.write(chunk);
}`,
    },
  ],
  invalid: backpressureCases.filter((shared) => shared.untyped).map(invalidCase),
});

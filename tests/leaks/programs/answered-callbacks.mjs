// A request client that keeps each request's callback under a fresh id: the timeout deletes it, but
// an answer only clears the timeout — cross-storage's client in miniature (every request answered in
// time stayed in `callbacks` for good).
//
// leakguard's `no-unbounded-cache` reports `callbacks`; `bounded-cache` deletes the entry after the
// `clearTimeout` too.
//
// Run as a script: node --expose-gc answered-callbacks.mjs <N>
// Sends N requests the peer answers at once, waits for all of them, then prints one JSON line:
// {"program","n","answered","pending","heapBefore","heapAfter"}.
import { pathToFileURL } from 'node:url';

export class RequestClient {
  constructor(peer) {
    this.peer = peer;
    this.count = 0;
    this.callbacks = {};
  }

  request(body, timeoutMs) {
    const id = `req:${++this.count}`;
    const client = this;
    return new Promise((resolve, reject) => {
      const timeout = setTimeout(() => {
        delete client.callbacks[id];
        reject(new Error(`no answer to ${id}`));
      }, timeoutMs);
      client.callbacks[id] = (answer) => {
        clearTimeout(timeout);
        resolve(answer);
      };
      client.peer(id, body, (answerId, answer) => client.callbacks[answerId]?.(answer));
    });
  }
}

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 2000);
  // The peer answers every request on the next turn, with about 1 KB.
  const client = new RequestClient((id, body, reply) => setImmediate(() => reply(id, `${body} ${'x'.repeat(1024)}`)));
  const heapBefore = heapAfterGc();
  const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, index) => client.request(`ping ${index}`, 60_000)));
  const answered = outcomes.filter((outcome) => outcome.status === 'fulfilled').length;
  const heapAfter = heapAfterGc();
  process.stdout.write(`${JSON.stringify({ program: 'answered-callbacks', n, answered, pending: Object.keys(client.callbacks).length, heapBefore, heapAfter })}\n`);
}

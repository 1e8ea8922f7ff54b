// A request/reply router whose pending map forgets requests only when a reply comes: the amqp RPC
// client's incident in miniature (every request that timed out stayed in `_requests` for good).
//
// leakguard's `no-unbounded-cache` reports `pending`; `bounded-cache` removes the entry in the
// timer's callback.
//
// Run as a script: node --expose-gc pending-replies.mjs <N>
// Sends N requests nobody answers (each times out after 1 ms), waits for all of them to fail, then
// prints one JSON line: {"program","n","timedOut","pending","heapBefore","heapAfter"}.
import { pathToFileURL } from 'node:url';

export class ReplyRouter {
  constructor() {
    this.sequence = 0;
    this.pending = new Map();
  }

  request(body, timeoutMs) {
    const id = String(this.sequence++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no reply to ${id}`)), timeoutMs);
      this.pending.set(id, { body, resolve, timer, payload: 'x'.repeat(512) + id });
    });
  }

  onReply(id, reply) {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    if (!entry) return;
    clearTimeout(entry.timer);
    entry.resolve(reply);
  }
}

function heapAfterGc() {
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 2000);
  const router = new ReplyRouter();
  const heapBefore = heapAfterGc();
  const outcomes = await Promise.allSettled(Array.from({ length: n }, (_, index) => router.request(`ping ${index}`, 1)));
  const timedOut = outcomes.filter((outcome) => outcome.status === 'rejected').length;
  const heapAfter = heapAfterGc();
  process.stdout.write(`${JSON.stringify({ program: 'pending-replies', n, timedOut, pending: router.pending.size, heapBefore, heapAfter })}\n`);
}

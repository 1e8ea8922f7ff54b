// A Server-Sent-Events endpoint that pings each client every second and forwards order events from a
// module-level bus: the incident behind `require-cleanup-on-disconnect` (the timer loop and the bus
// listener kept running after the client had gone). `cleanup-on-close` rewrites it.
//
// Run as a script: node sse-orders.mjs <N>
// N clients connect, read the first event and disconnect; then it prints one JSON line:
// {"program","n","connected","timersBefore","timersAfter","listenersBefore","listenersAfter"} —
// timers from process.getActiveResourcesInfo() (the handler's intervals are ref'd), listeners from
// the bus's listenerCount.
import { EventEmitter } from 'node:events';
import http from 'node:http';

const bus = new EventEmitter();
bus.setMaxListeners(0);

const server = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(': connected\n\n');
  setInterval(() => res.write(': ping\n\n'), 1000);
  bus.on('order', (order) => res.write(`data: ${JSON.stringify(order)}\n\n`));
});

const activeTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

function connectAndLeave(port) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/orders' }, (response) => {
      response.once('data', () => {
        request.destroy();
        resolve();
      });
    });
    request.on('error', (error) => (error.code === 'ECONNRESET' ? resolve() : reject(error)));
  });
}

async function connectionsClosed() {
  for (let tries = 0; tries < 200; tries++) {
    const open = await new Promise((resolve) => server.getConnections((error, count) => resolve(error ? 0 : count)));
    if (open === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const n = Number(process.argv[2] ?? 50);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const timersBefore = activeTimers();
const listenersBefore = bus.listenerCount('order');
let connected = 0;
for (let start = 0; start < n; start += 10) {
  const batch = Array.from({ length: Math.min(10, n - start) }, () => connectAndLeave(port).then(() => connected++));
  await Promise.all(batch);
}
await connectionsClosed();
await new Promise((resolve) => setImmediate(resolve));
const timersAfter = activeTimers();
const listenersAfter = bus.listenerCount('order');
console.log(JSON.stringify({ program: 'sse-orders', n, connected, timersBefore, timersAfter, listenersBefore, listenersAfter }));
process.exit(0);

// A gRPC server-streaming handler that pushes a price every second with a per-call interval and
// never stops it when the client cancels: the streaming half of the SSE incident (timers that kept
// writing after the peer had gone). `cleanup-on-close` rewrites it.
//
// Run as a script: node grpc-stream-interval.mjs <N>
// A real @grpc/grpc-js server and client on 127.0.0.1 (ephemeral port); N calls each read one
// message and cancel. Then it prints one JSON line: {"program","n","cancelled","intervalsBefore",
// "intervalsAfter","timersBefore","timersAfter"} — intervals counted through this program's own
// setInterval/clearInterval (grpc-js keeps timers of its own), timers from getActiveResourcesInfo().
import * as grpc from '@grpc/grpc-js';

const liveIntervals = new Set();
const { setInterval: startInterval, clearInterval: stopInterval } = globalThis;
globalThis.setInterval = (...args) => {
  const handle = startInterval(...args);
  // Only this program's own intervals: grpc-js starts some of its own (keepalive, idle timers).
  if (!new Error().stack.split('\n')[2].includes('node_modules')) liveIntervals.add(handle);
  return handle;
};
globalThis.clearInterval = (handle) => {
  liveIntervals.delete(handle);
  stopInterval(handle);
};

const encode = (value) => Buffer.from(JSON.stringify(value));
const decode = (buffer) => JSON.parse(buffer.toString());
const pricesService = {
  Watch: {
    path: '/prices.Prices/Watch',
    requestStream: false,
    responseStream: true,
    requestSerialize: encode,
    requestDeserialize: decode,
    responseSerialize: encode,
    responseDeserialize: decode,
  },
};

const server = new grpc.Server();
server.addService(pricesService, {
  Watch: (call) => {
    call.write({ symbol: call.request.symbol, price: 100 });
    setInterval(() => call.write({ symbol: call.request.symbol, price: 100 + Math.random() }), 1000);
  },
});

const activeTimers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;

function watchOnceAndCancel(client) {
  return new Promise((resolve, reject) => {
    const call = client.makeServerStreamRequest('/prices.Prices/Watch', encode, decode, { symbol: 'LGRD' });
    call.once('data', () => call.cancel());
    call.on('error', (error) => (error.code === grpc.status.CANCELLED ? resolve() : reject(error)));
    call.on('end', resolve);
  });
}

async function settled(count) {
  // The server learns of each cancellation a little after the client: wait (bounded) until the
  // count reaches the baseline or stops moving for 100 ms.
  let last = liveIntervals.size;
  for (let tries = 0, still = 0; tries < 100 && liveIntervals.size > count && still < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    still = liveIntervals.size === last ? still + 1 : 0;
    last = liveIntervals.size;
  }
}

const n = Number(process.argv[2] ?? 50);
const port = await new Promise((resolve, reject) =>
  server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
);
const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
const intervalsBefore = liveIntervals.size;
const timersBefore = activeTimers();
let cancelled = 0;
for (let start = 0; start < n; start += 10) {
  await Promise.all(Array.from({ length: Math.min(10, n - start) }, () => watchOnceAndCancel(client).then(() => cancelled++)));
}
await settled(intervalsBefore);
const intervalsAfter = liveIntervals.size;
const timersAfter = activeTimers();
console.log(JSON.stringify({ program: 'grpc-stream-interval', n, cancelled, intervalsBefore, intervalsAfter, timersBefore, timersAfter }));
process.exit(0);

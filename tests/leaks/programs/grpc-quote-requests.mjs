// A service that asks a pricing server for a quote per request, with no deadline: the incident behind
// leakguard's `grpc-call-deadline` (calls to a stalled server that never return, and everything
// waiting on them piling up). `grpc-deadline` rewrites it.
//
// Run as a script: PRICING_ADDRESS=127.0.0.1:<port> node grpc-quote-requests.mjs <N> <boundMs>
// It starts N quote calls at once, waits boundMs, and prints one JSON line:
// {"program","n","pending","deadlineExceeded","otherErrors","slowestFailureMs"}.
import * as grpc from '@grpc/grpc-js';

const pricing = new grpc.Client(process.env.PRICING_ADDRESS, grpc.credentials.createInsecure());
const encode = (value) => Buffer.from(JSON.stringify(value));
const decode = (buffer) => JSON.parse(buffer.toString());

export function quote(item, callback) {
  pricing.makeUnaryRequest('/pricing.Pricing/Quote', encode, decode, item, callback);
}

const n = Number(process.argv[2] ?? 50);
const boundMs = Number(process.argv[3] ?? 2000);
const started = Date.now();
let pending = n;
let deadlineExceeded = 0;
let otherErrors = 0;
let slowestFailureMs = 0;
for (let index = 0; index < n; index++) {
  quote({ item: index }, (error) => {
    pending--;
    if (error?.code === grpc.status.DEADLINE_EXCEEDED) deadlineExceeded++;
    else otherErrors++;
    slowestFailureMs = Math.max(slowestFailureMs, Date.now() - started);
  });
}
setTimeout(() => {
  console.log(JSON.stringify({ program: 'grpc-quote-requests', n, pending, deadlineExceeded, otherErrors, slowestFailureMs }));
  process.exit(0);
}, boundMs);

// A message handler that dials a gRPC client for every message and never closes it: the incident
// behind leakguard's `no-client-per-call` (20 348 live connections). `singleton-client` rewrites it.
//
// Run as a script: BILLING_ADDRESS=127.0.0.1:<port> node charge-per-message.mjs <N>
// It handles N messages, each with one unary call, and prints one JSON line:
// {"program","n","charged","socketsBefore","socketsAfter"} — sockets counted from /proc/self/fd.
import * as grpc from '@grpc/grpc-js';
import { readdirSync, readlinkSync } from 'node:fs';

const ADDRESS = process.env.BILLING_ADDRESS;
// grpc-js shares subchannels between clients with the same target and options through a global pool;
// services that tune channels per client (and every process of the incident) get a connection per client.
const CHANNEL_OPTIONS = { 'grpc.use_local_subchannel_pool': 1 };
const encode = (value) => Buffer.from(JSON.stringify(value));
const decode = (buffer) => JSON.parse(buffer.toString());

export async function handleMessage(message) {
  const client = new grpc.Client(ADDRESS, grpc.credentials.createInsecure(), CHANNEL_OPTIONS);
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest('/billing.Billing/Charge', encode, decode, message, (error, reply) => (error ? reject(error) : resolve(reply)));
  });
}

function countSockets() {
  let sockets = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) sockets++;
    } catch {
      // closed while listing
    }
  }
  return sockets;
}

const n = Number(process.argv[2] ?? 50);
const socketsBefore = countSockets();
let charged = 0;
for (let index = 0; index < n; index++) {
  const reply = await handleMessage({ order: index });
  if (reply.ok) charged++;
}
const socketsAfter = countSockets();
console.log(JSON.stringify({ program: 'charge-per-message', n, charged, socketsBefore, socketsAfter }));
process.exit(0);

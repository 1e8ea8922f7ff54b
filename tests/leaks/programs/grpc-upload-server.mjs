// A client-streaming upload service: the incident behind leakguard's `grpc-require-keepalive`. When
// the network dropped without a FIN or RST, its handlers blocked for ever: the server's keepalive
// defaulted to two hours. `grpc-keepalive` rewrites it.
//
// Run as a script: node grpc-upload-server.mjs <N> <boundMs>. It serves on 127.0.0.1 (ephemeral
// port) and prints {"event":"listening","port"}, then {"event":"open","streams"} once N uploads are
// open. A line on stdin says the network between them and their clients has gone silent; boundMs
// later it prints one JSON line and exits:
// {"program","n","open","cancelled","errored","ended","slowestDetectionMs"}.
import * as grpc from '@grpc/grpc-js';

const bytes = { serialize: (value) => value, deserialize: (buffer) => buffer };
const uploadService = {
  Upload: { path: '/files.Files/Upload', requestStream: true, responseStream: false, requestSerialize: bytes.serialize, requestDeserialize: bytes.deserialize, responseSerialize: bytes.serialize, responseDeserialize: bytes.deserialize },
};

const n = Number(process.argv[2] ?? 20);
const boundMs = Number(process.argv[3] ?? 4000);
const outcomes = { open: 0, cancelled: 0, errored: 0, ended: 0 };
let silentSince;
let slowestDetectionMs = 0;

const server = new grpc.Server();

server.addService(uploadService, {
  Upload(call, callback) {
    outcomes.open++;
    let settled = false;
    const settle = (outcome) => {
      if (settled) return;
      settled = true;
      outcomes.open--;
      outcomes[outcome]++;
      if (silentSince !== undefined) slowestDetectionMs = Math.max(slowestDetectionMs, Date.now() - silentSince);
    };
    call.on('data', () => {});
    // A connection torn down also ends the request stream: only an end the client sent completes the upload.
    call.on('end', () =>
      setImmediate(() => {
        if (call.cancelled) return settle('cancelled');
        settle('ended');
        callback(null, Buffer.alloc(0));
      }),
    );
    call.on('cancelled', () => settle('cancelled'));
    call.on('error', () => settle('errored'));
    if (outcomes.open === n) console.log(JSON.stringify({ event: 'open', streams: n }));
  },
});

server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  console.log(JSON.stringify({ event: 'listening', port }));
});

process.stdin.once('data', () => {
  silentSince = Date.now();
  setTimeout(() => {
    console.log(JSON.stringify({ program: 'grpc-upload-server', n, ...outcomes, slowestDetectionMs }));
    process.exit(0);
  }, boundMs);
});

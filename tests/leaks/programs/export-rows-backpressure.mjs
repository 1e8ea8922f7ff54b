// An NDJSON exporter: a real node:http server streams N rows to a client that reads slowly and then
// stops reading (but keeps the connection open). The export loop drops write()'s `false`.
// Prints the server response's buffered bytes (writableLength) once the loop has had time to run.
import http from 'node:http';

const N = Number(process.env.ROWS ?? 2000);
const ROW = 8 * 1024;
const row = `${'x'.repeat(ROW - 1)}\n`;
const SETTLE_MS = 600;

async function* rows() {
  for (let i = 0; i < N; i++) {
    yield row;
    // A database cursor hands rows over asynchronously.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

let response;
let written = 0;

export async function exportRows(req, res) {
  response = res;
  for await (const line of rows()) {
    res.write(line);
    written++;
  }
  res.end();
}

const server = http.createServer(exportRows);
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

// The client reads a few chunks slowly, then stops reading for good.
const client = http.get({ host: '127.0.0.1', port, path: '/export' });
const clientResponse = await new Promise((resolve) => client.on('response', resolve));
let chunks = 0;
await new Promise((resolve) => {
  clientResponse.on('data', () => {
    chunks++;
    clientResponse.pause();
    if (chunks >= 3) return resolve();
    setTimeout(() => clientResponse.resume(), 20);
  });
});
await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

const measurement = {
  program: 'export-rows-backpressure',
  n: N,
  rowBytes: ROW,
  totalBytes: N * ROW,
  rowsWritten: written,
  writableLength: response.writableLength,
  highWaterMark: response.writableHighWaterMark,
};
client.destroy();
server.closeAllConnections();
server.close();
console.log(JSON.stringify(measurement));

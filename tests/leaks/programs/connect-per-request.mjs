// A request handler that makes and connects a pg Client for every request and never ends it: each
// request leaves a connection open on the database server. pg rejects a second connect() on one
// Client, so `singleton-client` shares it connected once: a memoised promise of the connected client,
// which concurrent requests all await.
//
// Run as a script: DATABASE_URL=postgres://… node connect-per-request.mjs <N>
// It handles N requests, ten at a time, prints one JSON line {"program","n","served"} and then keeps
// running — its clients alive — until stdin closes, so the test can count the server-side connections.
import pg from 'pg';

export async function handleRequest(request) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on('error', (error) => console.error('pg', error.message));
  await client.connect();
  const { rows } = await client.query('select $1::int as id', [request.id]);
  return rows[0];
}

const n = Number(process.argv[2] ?? 50);
let served = 0;
for (let index = 0; index < n; index += 10) {
  const batch = Array.from({ length: Math.min(10, n - index) }, (_, offset) => index + offset);
  const rows = await Promise.all(batch.map((id) => handleRequest({ id })));
  served += rows.filter((row, offset) => row.id === batch[offset]).length;
}
console.log(JSON.stringify({ program: 'connect-per-request', n, served }));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));

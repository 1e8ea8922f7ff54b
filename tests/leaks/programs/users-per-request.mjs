// A request handler that builds a pg pool for every request and never ends it: each request leaves
// an idle connection open on the database server. `no-client-per-call` reports it; `singleton-client`
// rewrites it to one lazily created pool.
//
// Run as a script: DATABASE_URL=postgres://… node users-per-request.mjs <N>
// It handles N requests, each with one query, prints one JSON line {"program","n","served"} and then
// keeps running — its pools alive — until stdin closes, so the test can count the server-side
// connections (pg_stat_activity) while they still exist.
import pg from 'pg';

// Pools close idle connections after `idleTimeoutMillis` (10 s by default); services commonly raise it,
// and the count must not depend on how fast the test reads it.
const POOL_OPTIONS = { connectionString: process.env.DATABASE_URL, max: 4, idleTimeoutMillis: 60_000 };

export async function handleRequest(request) {
  const pool = new pg.Pool(POOL_OPTIONS);
  const { rows } = await pool.query('select $1::int as id', [request.id]);
  return rows[0];
}

const n = Number(process.argv[2] ?? 50);
let served = 0;
for (let index = 0; index < n; index++) {
  const row = await handleRequest({ id: index });
  if (row.id === index) served++;
}
console.log(JSON.stringify({ program: 'users-per-request', n, served }));
process.stdin.resume();
process.stdin.on('end', () => process.exit(0));
process.stdin.on('close', () => process.exit(0));

// brianc/node-postgres — https://github.com/brianc/node-postgres/issues/2264
// "sorry, too many clients already" even using Pool.query: the script built a new Pool for every
// query in its loop and never ended one, so each iteration kept its idle connection open until
// PostgreSQL refused more. The maintainers' fix: one pool, created once, ended at the end.
// Rule: leakguard/no-client-per-call
const { Pool } = require('pg');

const options = { max: 10, idleTimeoutMillis: 30000 };

(async function main() {
  while (true) {
    const pool = new Pool(options);
    const result = await pool.query('SELECT NOW()');
    console.log(result.rows[0].now);
  }
})().catch(console.error);

const { Pool } = require('pg');

const options = { max: 10, idleTimeoutMillis: 30000 };
const pool = new Pool(options);

(async function main() {
  while (true) {
    const result = await pool.query('SELECT NOW()');
    console.log(result.rows[0].now);
  }

  await pool.end();
})().catch(console.error);

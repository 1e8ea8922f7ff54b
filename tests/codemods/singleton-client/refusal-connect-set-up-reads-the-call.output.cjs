'use strict';
const pg = require('pg');

// The set-up before the connect reads the request: it cannot move into a getter shared by every request.
async function countUsers(req) {
  /* leakguard-todo(singleton-client): it connects the client on every call (`client.connect()`), and a shared client rejects a second connect (its set-up `client.on('notice', (notice) => req.log.info(notice.message));` uses `req`, a value of this call): connect it once where it is created (a promise of the connected client) or pass a connected client in */
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on('notice', (notice) => req.log.info(notice.message));
  await client.connect();
  const { rows } = await client.query('select count(*) from users');
  await client.end();
  return rows[0].count;
}

module.exports = { countUsers };

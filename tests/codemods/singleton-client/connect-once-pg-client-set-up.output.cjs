'use strict';
const pg = require('pg');

const CONFIG = { connectionString: process.env.DATABASE_URL };

let client;

function getClient() {
  return (client ??= (async () => {
    const client = new pg.Client(CONFIG);
    client.on('error', (error) => console.error('pg', error));
    await client.connect();
    return client;
  })().catch((error) => {
    client = undefined;
    throw error;
  }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
async function closeClient() {
  const current = client;
  client = undefined;
  await (await current)?.end();
}

// A pg Client rejects a second connect() ("Client has already been connected"): the getter connects
// it once; the error listener goes with it, the per-call end() goes.
async function countUsers() {
  const client = await getClient();
  const { rows } = await client.query('select count(*) from users');
  return rows[0].count;
}

// Called for every request of the status page.
function registerRoutes(app) {
  app.get('/users/count', async (req, res) => res.json({ count: await countUsers() }));
}

module.exports = { countUsers, registerRoutes };
module.exports.closeClient = closeClient;

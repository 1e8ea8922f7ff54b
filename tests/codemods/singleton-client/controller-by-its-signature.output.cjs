const pg = require('pg');

let client;

function getClient() {
  return (client ??= (async () => {
    const client = new pg.Client(process.env.DATABASE_URL);
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

// Registered by a router in another module: the (req, res) signature says it runs per request.
exports.listTables = async (req, res) => {
  const client = await getClient();
  const result = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
  res.json(result.rows);
};
module.exports.closeClient = closeClient;

const pg = require('pg');

// Registered by a router in another module: the (req, res) signature says it runs per request.
exports.listTables = async (req, res) => {
  const client = new pg.Client(process.env.DATABASE_URL);
  await client.connect();
  const result = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
  res.json(result.rows);
};

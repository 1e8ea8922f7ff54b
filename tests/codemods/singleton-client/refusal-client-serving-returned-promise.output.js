const { Client } = require('pg');

// The query's promise goes back unawaited: a `finally` here would end the client before the query
// ran, so a client made from the caller's configuration is left to a person (one per key, or passed in).
async function rows(config, sql) {
  /* leakguard-todo(singleton-client): its arguments use `config`, a parameter whose type is not written down (an object would be a new key on every call): one shared client cannot serve every caller; keep one client per key (a Map keyed by the values that tell clients apart), pass the client in, or close it when done */
  const client = new Client(config);
  await client.connect();
  return client.query(sql);
}

module.exports = { rows };

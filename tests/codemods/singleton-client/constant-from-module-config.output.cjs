'use strict';
const { MongoClient } = require('mongodb');

const settings = { host: '127.0.0.1', port: 27017, poolSize: 5 };

let client;

function getClient() {
  return (client ??= new MongoClient(`mongodb://${settings.host}:${settings.port}`, { maxPoolSize: settings.poolSize }));
}

/** Closes the shared client on graceful shutdown; the next `getClient()` creates a new one. */
async function closeClient() {
  const current = client;
  client = undefined;
  await current?.close();
}

function Repository(name, client = getClient()) {
  this.collection = client.db('app').collection(name);
}

module.exports = { Repository };
module.exports.closeClient = closeClient;

'use strict';
const { MongoClient } = require('mongodb');

const settings = { host: '127.0.0.1', port: 27017, poolSize: 5 };

let mongoClient;

function getMongoClient() {
  return (mongoClient ??= new MongoClient(`mongodb://${settings.host}:${settings.port}`, { maxPoolSize: settings.poolSize }));
}

/** Closes the shared client on graceful shutdown; the next `getMongoClient()` creates a new one. */
async function closeMongoClient() {
  const current = mongoClient;
  mongoClient = undefined;
  await current?.close();
}

function Repository(name, client = getMongoClient()) {
  this.collection = client.db('app').collection(name);
}

module.exports = { Repository };
module.exports.closeMongoClient = closeMongoClient;

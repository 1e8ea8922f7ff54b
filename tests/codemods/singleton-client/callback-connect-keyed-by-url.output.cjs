'use strict';
const { MongoClient } = require('mongodb');
const { callbackify } = require('node:util');

const clients = new Map();

function getClient(url) {
  const key = url;
  let client = clients.get(key);
  if (!client) {
    client = MongoClient.connect(url).catch((error) => {
      clients.delete(key);
      throw error;
    });
    clients.set(key, client);
  }
  return client;
}

/** Closes the shared clients on graceful shutdown; the next `getClient()` creates new ones. */
async function closeClients() {
  const current = [...clients.values()];
  clients.clear();
  await Promise.all(current.map(async (client) => (await client).close()));
}

// The callback form of MongoClient.connect per request, for the server the request names: one client
// per URL (a string, built by concatenation), shared by both routes; the same callbacks receive it.
exports.databases = function (req, res) {
  var url = 'mongodb://' + req.query.host + ':' + req.query.port;
  callbackify(() => getClient(url))(function (err, client) {
    if (err) return res.status(500).send(err);
    client.db('admin').admin().listDatabases(function (error, result) {
      if (error) res.status(500).send(error);
      else res.json(result);
    });
  });
};

exports.collections = function (req, res) {
  var url = 'mongodb://' + req.query.host + ':' + req.query.port;
  callbackify(() => getClient(url))(function (err, client) {
    if (err) return res.status(500).send(err);
    client.db(req.query.db).listCollections().toArray(function (error, result) {
      if (error) res.status(500).send(error);
      else res.json(result);
    });
  });
};
module.exports.closeClients = closeClients;

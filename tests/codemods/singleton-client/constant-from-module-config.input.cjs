'use strict';
const { MongoClient } = require('mongodb');

const settings = { host: '127.0.0.1', port: 27017, poolSize: 5 };

function Repository(name) {
  const url = `mongodb://${settings.host}:${settings.port}`;
  const client = new MongoClient(url, { maxPoolSize: settings.poolSize });
  this.collection = client.db('app').collection(name);
}

module.exports = { Repository };

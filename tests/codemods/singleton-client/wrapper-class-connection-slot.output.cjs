'use strict';
const { MongoClient } = require('mongodb');

class AuditStore {
  constructor() {
    this.url = process.env.AUDIT_DB_URL;
    this.client = null;
  }

  async open() {
    this.client = await MongoClient.connect(this.url);
  }

  async close() {
    if (this.client) {
      await this.client.close();
      this.client = null;
    }
  }

  async record(entry) {
    if (!this.client) await this.open();
    await this.client.db('audit').collection('entries').insertOne(entry);
  }
}

let store;

function getStore() {
  return (store ??= new AuditStore());
}

/** Closes the shared client on graceful shutdown; the next `getStore()` creates a new one. */
async function closeStore() {
  const current = store;
  store = undefined;
  await current?.close();
}

async function recordLogin(user, store = getStore()) {
  await store.record({ user, at: Date.now() });
}

module.exports = { recordLogin };
module.exports.closeStore = closeStore;

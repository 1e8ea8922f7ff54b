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

async function recordLogin(user) {
  const store = new AuditStore();
  await store.record({ user, at: Date.now() });
}

module.exports = { recordLogin };

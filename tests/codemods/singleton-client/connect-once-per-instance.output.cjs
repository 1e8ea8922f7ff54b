'use strict';
const pg = require('pg');

// A client made from the instance's own configuration and connected in every call: the instance keeps
// a promise of its connected client (pg rejects a second connect() on one Client).
class ReportStore {
  client;

  constructor(config) {
    this.config = config;
  }

  async countReports() {
    const client = await (this.client ??= (async () => {
      const client = new pg.Client(this.config);
      await client.connect();
      return client;
    })().catch((error) => {
      this.client = undefined;
      throw error;
    }));
    const { rows } = await client.query('select count(*) from reports');
    return rows[0].count;
  }

  /** Closes this instance's client on graceful shutdown; the next use creates a new one. */
  async closeClient() {
    const current = this.client;
    this.client = undefined;
    await (await current)?.end();
  }
}

module.exports = { ReportStore };

'use strict';
const pg = require('pg');

// A client made from the instance's own configuration and connected in every call: the instance keeps
// a promise of its connected client (pg rejects a second connect() on one Client).
class ReportStore {
  constructor(config) {
    this.config = config;
  }

  async countReports() {
    const client = new pg.Client(this.config);
    await client.connect();
    try {
      const { rows } = await client.query('select count(*) from reports');
      return rows[0].count;
    } finally {
      await client.end();
    }
  }
}

module.exports = { ReportStore };

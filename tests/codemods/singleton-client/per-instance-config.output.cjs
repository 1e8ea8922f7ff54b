'use strict';
const { Pool } = require('pg');

class ReportStore {
  pool;

  constructor(options) {
    this.options = options;
  }

  async latest(limit) {
    const pool = (this.pool ??= new Pool({ connectionString: this.options.url, max: 4 }));
    const { rows } = await pool.query('select * from reports order by created_at desc limit $1', [limit]);
    return rows;
  }

  /** Closes this instance's client on graceful shutdown; the next use creates a new one. */
  async closePool() {
    const current = this.pool;
    this.pool = undefined;
    await current?.end();
  }
}

module.exports = { ReportStore };

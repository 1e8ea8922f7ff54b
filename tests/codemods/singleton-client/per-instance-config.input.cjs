'use strict';
const { Pool } = require('pg');

class ReportStore {
  constructor(options) {
    this.options = options;
  }

  async latest(limit) {
    const pool = new Pool({ connectionString: this.options.url, max: 4 });
    try {
      const { rows } = await pool.query('select * from reports order by created_at desc limit $1', [limit]);
      return rows;
    } finally {
      await pool.end();
    }
  }
}

module.exports = { ReportStore };

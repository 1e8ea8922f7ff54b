'use strict';
const { Pool } = require('pg');

async function tenantRows(tenant, sql) {
  const options = { host: tenant.dbHost, database: tenant.database };
  console.log('querying', options.host);
  const pool = new Pool(options);
  const { rows } = await pool.query(sql);
  return rows;
}

module.exports = { tenantRows };

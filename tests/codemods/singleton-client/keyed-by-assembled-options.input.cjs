'use strict';
const { Pool } = require('pg');

async function tenantRows(tenant, sql) {
  const options = {
    host: tenant.dbHost,
    database: `tenant_${tenant.id}`,
    max: 5,
  };

  const pool = new Pool(options);
  const { rows } = await pool.query(sql);
  return rows;
}

module.exports = { tenantRows };

'use strict';
const { Pool } = require('pg');

// The host is looked up per call: a getter could not say which lookups give the same pool.
async function tenantRows(tenant, sql) {
  const options = { host: lookupHost(tenant), database: 'orders' };
  const pool = new Pool(options);
  const { rows } = await pool.query(sql);
  return rows;
}

function lookupHost(tenant) {
  return tenant.replicas[Math.floor(Math.random() * tenant.replicas.length)];
}

module.exports = { tenantRows };

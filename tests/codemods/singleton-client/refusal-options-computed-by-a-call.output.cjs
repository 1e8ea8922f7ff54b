'use strict';
const { Pool } = require('pg');

// The host is looked up per call: a getter could not say which lookups give the same pool.
async function tenantRows(tenant, sql) {
  const options = { host: lookupHost(tenant), database: 'orders' };
  /* leakguard-todo(singleton-client): its arguments use `options`, computed per call by `{ host: lookupHost(tenant), database: 'orders' }`: one shared client cannot serve every caller; keep one client per key (a Map keyed by the values that tell clients apart), pass the client in, or close it when done */
  const pool = new Pool(options);
  const { rows } = await pool.query(sql);
  return rows;
}

function lookupHost(tenant) {
  return tenant.replicas[Math.floor(Math.random() * tenant.replicas.length)];
}

module.exports = { tenantRows };

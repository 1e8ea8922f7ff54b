'use strict';
const { Pool } = require('pg');

const pools = new Map();

function getPool(tenant) {
  const key = JSON.stringify([tenant.dbHost, tenant.id]);
  let pool = pools.get(key);
  if (!pool) {
    pool = new Pool({
      host: tenant.dbHost,
      database: `tenant_${tenant.id}`,
      max: 5,
    });
    pools.set(key, pool);
  }
  return pool;
}

/** Closes the shared clients on graceful shutdown; the next `getPool()` creates new ones. */
async function closePools() {
  const current = [...pools.values()];
  pools.clear();
  await Promise.all(current.map((pool) => pool.end()));
}

async function tenantRows(tenant, sql) {

  const pool = getPool(tenant);
  const { rows } = await pool.query(sql);
  return rows;
}

module.exports = { tenantRows };
module.exports.closePools = closePools;

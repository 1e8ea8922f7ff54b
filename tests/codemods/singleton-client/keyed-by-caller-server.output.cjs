'use strict';
const mysql = require('mysql2');

const pools = new Map();

function getPool(server) {
  const key = JSON.stringify([server.host, server.user, server.database]);
  let pool = pools.get(key);
  if (!pool) {
    pool = mysql.createPool({ host: server.host, user: server.user, database: server.database });
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

function runReport(server, sql, done) {
  const pool = getPool(server);
  pool.query(sql, done);
}

module.exports = { runReport };
module.exports.closePools = closePools;

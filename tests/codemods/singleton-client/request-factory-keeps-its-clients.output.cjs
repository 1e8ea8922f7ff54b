'use strict';
const express = require('express');
const { Pool } = require('pg');

const pools = new Map();

function getPool(region) {
  const key = `db.${region}.internal`;
  let pool = pools.get(key);
  if (!pool) {
    pool = new Pool({ host: `db.${region}.internal`, database: 'orders' });
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

function poolForRequest(req) {
  const region = req.get('x-region');
  return getPool(region);
}

const app = express();

app.use((req, res, next) => {
  req.db = poolForRequest(req);
  next();
});

app.get('/orders', async (req, res) => {
  const { rows } = await req.db.query('select * from orders');
  res.json(rows);
});

module.exports = app;
module.exports.closePools = closePools;

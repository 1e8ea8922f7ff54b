'use strict';
const express = require('express');
const { Pool } = require('pg');

function poolForRequest(req) {
  const region = req.get('x-region');
  return new Pool({ host: `db.${region}.internal`, database: 'orders' });
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

module.exports = { app, poolForRequest };

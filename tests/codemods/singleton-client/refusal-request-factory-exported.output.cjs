'use strict';
const express = require('express');
const { Pool } = require('pg');

function poolForRequest(req) {
  const region = req.get('x-region');
  return new Pool({ host: `db.${region}.internal`, database: 'orders' });
}

const app = express();

app.use((req, res, next) => {
  /* leakguard-todo(singleton-client): the client is hung on the request (`db`) for later middleware; create it once per process (or keep one per key in a module-level Map) and put that one on the request */
  req.db = poolForRequest(req);
  next();
});

app.get('/orders', async (req, res) => {
  const { rows } = await req.db.query('select * from orders');
  res.json(rows);
});

module.exports = { app, poolForRequest };

'use strict';
const mysql = require('mysql2/promise');

async function connection(database) {
  return mysql.createConnection({ host: '127.0.0.1', database });
}

async function create(data) {
  const conn = await connection('app');
  const results = await conn.query('INSERT INTO example SET ?', data);
  await conn.end();
  return results;
}

module.exports = { create };

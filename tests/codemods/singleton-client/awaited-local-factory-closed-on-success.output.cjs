'use strict';
const mysql = require('mysql2/promise');

async function connection(database) {
  return mysql.createConnection({ host: '127.0.0.1', database });
}

let conn;

function getConn() {
  return (conn ??= connection('app').catch((error) => {
    conn = undefined;
    throw error;
  }));
}

/** Closes the shared client on graceful shutdown; the next `getConn()` creates a new one. */
async function closeConn() {
  const current = conn;
  conn = undefined;
  await (await current)?.end();
}

async function create(data) {
  const conn = await getConn();
  const results = await conn.query('INSERT INTO example SET ?', data);
  return results;
}

module.exports = { create };
module.exports.closeConn = closeConn;

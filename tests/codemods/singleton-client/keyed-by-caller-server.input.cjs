'use strict';
const mysql = require('mysql2');

function runReport(server, sql, done) {
  const pool = mysql.createPool({ host: server.host, user: server.user, database: server.database });
  pool.query(sql, done);
}

module.exports = { runReport };

const mysql = require('mysql2/promise');

const pool = mysql.createPool({ connectionLimit: 10 });

function query(sql) {
  return pool.getConnection().then((connection) =>
    connection.query(sql).then((result) => {
      return result;
    }).finally(() => connection.release()),
  );
}

module.exports = { query };

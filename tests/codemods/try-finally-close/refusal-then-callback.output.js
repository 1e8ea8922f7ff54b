const mysql = require('mysql2/promise');

const pool = mysql.createPool({ connectionLimit: 10 });

function query(sql) {
  /* leakguard-todo(try-finally-close): it is acquired in a `.then` callback; rewrite the chain with `await` so that a `finally` can release it */
  return pool.getConnection().then((connection) =>
    connection.query(sql).then((result) => {
      connection.release();
      return result;
    }),
  );
}

module.exports = { query };

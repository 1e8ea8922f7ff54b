// sidorares/node-mysql2 — https://github.com/sidorares/node-mysql2/issues/1110
// An express route on a promise pool: the connection is declared and released inside the `try`,
// so a failing query jumps to the `catch`, answers 400 and keeps the connection. With
// connectionLimit 10, the eleventh failed query hangs the route. (Fix from the thread: declare the
// connection before the `try` and release it in `finally`.)
// Rule: leakguard/require-close
const express = require('express');
const mysql = require('mysql2');

const app = express();
const pool = mysql
  .createPool({
    host: 'localhost',
    user: 'root',
    database: 'mydb',
    connectionLimit: 10,
  })
  .promise();

app.get('/api/v1', async (req, res) => {
  try {
    const connection = await pool.getConnection();
    const [rows] = await connection.query('SELECT * FROM users WHERE is_active = ?', 'Y');
    connection.release();

    res.status(200).json({
      message: 'success',
      data: rows,
    });
  } catch (error) {
    res.status(400).json({
      message: 'error',
      error: error,
    });
  }
});

app.listen(3000, () => console.log('Listening to 3000'));

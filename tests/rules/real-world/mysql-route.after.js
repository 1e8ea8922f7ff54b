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
  let connection;
  try {
    connection = await pool.getConnection();
    const [rows] = await connection.query('SELECT * FROM users WHERE is_active = ?', 'Y');

    res.status(200).json({
      message: 'success',
      data: rows,
    });
  } catch (error) {
    res.status(400).json({
      message: 'error',
      error: error,
    });
  } finally {
    if (connection) connection.release();
  }
});

app.listen(3000, () => console.log('Listening to 3000'));

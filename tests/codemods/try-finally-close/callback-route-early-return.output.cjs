const mysql = require('mysql2');

const pool = mysql.createPool({ connectionLimit: 20 });

function databaseError(res, err, connection) {
  if (connection) {
    connection.release();
  }
  res.status(500).send({ error: String(err) });
}

// An invalid id returns before the query whose callback gives the connection back.
function getClient(req, res) {
  pool.getConnection((err, connection) => {
    if (err) {
      return databaseError(res, err, connection);
    }

    if (!/^\d+$/.test(req.params.id)) {
      connection.release();
      return res.status(400).send({ error: 'id must be a positive integer' });
    }
    if (req.query.cached === '1') { connection.release(); return res.status(304).end(); }

    connection.query('SELECT * FROM clients WHERE id = ?', [Number(req.params.id)], (queryError, rows) => {
      if (queryError) {
        return databaseError(res, queryError, connection);
      }
      connection.release();
      res.send(rows[0]);
    });
  });
}

module.exports = { getClient };

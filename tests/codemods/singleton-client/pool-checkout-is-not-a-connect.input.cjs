'use strict';
const pg = require('pg');

const CONFIG = { connectionString: process.env.DATABASE_URL, max: 10 };

// `pool.connect(cb)` checks a client out of the pool (and `done` returns it): the pool itself can be
// shared, and the checkout stays per call.
function findUser(id, callback) {
  const pool = new pg.Pool(CONFIG);
  pool.connect((err, client, done) => {
    if (err) return callback(err);
    client.query('select * from users where id = $1', [id], (error, result) => {
      done();
      callback(error, result && result.rows[0]);
    });
  });
}

module.exports = { findUser };

'use strict';
const mysql = require('mysql2');

let db;

function getDb() {
  return (db ??= mysql.createConnection(process.env.DATABASE_URL));
}

/** Closes the shared client on graceful shutdown; the next `getDb()` creates a new one. */
async function closeDb() {
  const current = db;
  db = undefined;
  await current?.end();
}

class News {
  db = getDb();
  latest(limit) {
    const db = this.db;
    return new Promise((resolve, reject) => {
      db.query('SELECT * FROM news LIMIT ?', [limit], (err, rows) => {
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }

  inCategory(category) {
    const db = this.db;
    return new Promise((resolve, reject) => {
      db.query('SELECT * FROM news WHERE category = ?', [category], (err, rows) => {
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }
}

module.exports = News;
module.exports.closeDb = closeDb;

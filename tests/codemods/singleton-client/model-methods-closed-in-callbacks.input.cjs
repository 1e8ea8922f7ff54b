'use strict';
const mysql = require('mysql2');

class News {
  latest(limit) {
    const db = mysql.createConnection(process.env.DATABASE_URL);
    return new Promise((resolve, reject) => {
      db.query('SELECT * FROM news LIMIT ?', [limit], (err, rows) => {
        db.end();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }

  inCategory(category) {
    const db = mysql.createConnection(process.env.DATABASE_URL);
    return new Promise((resolve, reject) => {
      db.query('SELECT * FROM news WHERE category = ?', [category], (err, rows) => {
        db.end();
        if (err) reject(err);
        else resolve(rows);
      });
    });
  }
}

module.exports = News;

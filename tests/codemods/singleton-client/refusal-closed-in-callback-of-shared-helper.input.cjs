const pg = require('pg');

function openDb() {
  const db = new pg.Client(process.env.DATABASE_URL);
  db.connect();
  return db;
}

function sendRowsThenClose(query, db, res) {
  const rows = [];
  query.on('row', (row) => rows.push(row));
  query.on('end', () => {
    db.end();
    res.json(rows);
  });
}

function listHandler(sql) {
  return function (req, res) {
    const db = openDb();
    sendRowsThenClose(db.query(new pg.Query(sql)), db, res);
  };
}

module.exports = { sendRowsThenClose, listHandler };

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
    /* leakguard-todo(singleton-client): it is handed to `sendRowsThenClose`, which closes it in a callback (line 13), and `sendRowsThenClose` is exported or called elsewhere too: its close serves other callers' clients, so it cannot simply go; share one client (or a pool) by hand and give this caller a way to run its query that does not close it */
    const db = openDb();
    sendRowsThenClose(db.query(new pg.Query(sql)), db, res);
  };
}

module.exports = { sendRowsThenClose, listHandler };

// GEOLYTIX/xyz, mod/user/acl.js — https://github.com/GEOLYTIX/xyz/pull/2724
// The ACL check runs on every authenticated request. The client taken from the pool is released
// after the query, inside the `try`: a failing query goes to the `catch`, which logs and returns,
// and the client never goes back. After `max` errors every request waits on an empty pool.
// (The pool is assigned once by the module's set-up IIFE, so `pool` has no initialiser.)
// Rule: leakguard/require-close
const { Pool } = require('pg');

let pool;
let aclTable;
let aclSchema;

module.exports = (() => {
  const connection = (process.env.PRIVATE || process.env.PUBLIC || '').split('|');
  if (connection.length < 2) return undefined;

  aclTable = connection[1].split('.').pop();
  aclSchema = connection[1].split('.')[0] === aclTable ? 'public' : connection[1].split('.')[0];

  pool = new Pool({
    connectionString: connection[0],
  });

  return acl;
})();

async function acl(q, arr) {
  try {
    const client = await pool.connect();

    const { rows } = await client.query(q.replace(/acl_table/g, aclTable).replace(/acl_schema/g, aclSchema), arr);

    client.release();

    return rows;
  } catch (err) {
    console.error(err);
    return err;
  }
}

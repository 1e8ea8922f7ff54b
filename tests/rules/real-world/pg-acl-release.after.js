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
    connectionTimeoutMillis: 5000,
  });

  return acl;
})();

async function acl(q, arr) {
  let client;
  try {
    client = await pool.connect();

    const { rows } = await client.query(q.replace(/acl_table/g, aclTable).replace(/acl_schema/g, aclSchema), arr);

    return rows;
  } catch (err) {
    console.error(err);
    return err;
  } finally {
    client?.release();
  }
}

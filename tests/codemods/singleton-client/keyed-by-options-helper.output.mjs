import mysql from 'mysql2/promise';

const poolOptions = ({ host, database }) => ({ host, database, user: process.env.DB_USER, connectionLimit: 4 });

const pools = new Map();

function getPool(shard) {
  const key = JSON.stringify([shard.host, shard.database]);
  let pool = pools.get(key);
  if (!pool) {
    pool = mysql.createPool(poolOptions(shard));
    pools.set(key, pool);
  }
  return pool;
}

/** Closes the shared clients on graceful shutdown; the next `getPool()` creates new ones. */
export async function closePools() {
  const current = [...pools.values()];
  pools.clear();
  await Promise.all(current.map((pool) => pool.end()));
}

export async function countRows(shard, table) {
  const pool = getPool(shard);
  const [rows] = await pool.query('select count(*) as n from ??', [table]);
  return rows[0].n;
}

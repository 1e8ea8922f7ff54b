import mysql from 'mysql2/promise';

const poolOptions = ({ host, database }) => ({ host, database, user: process.env.DB_USER, connectionLimit: 4 });

export async function countRows(shard, table) {
  const pool = mysql.createPool(poolOptions(shard));
  const [rows] = await pool.query('select count(*) as n from ??', [table]);
  return rows[0].n;
}

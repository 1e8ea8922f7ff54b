// codemod-unchanged: the caller already calls the helper's release closure in a `finally`
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  return { conn, close: () => conn.release() };
}
export async function find(id: string) {
  const { conn, close } = await openDb();
  try {
    return await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  } finally {
    close();
  }
}

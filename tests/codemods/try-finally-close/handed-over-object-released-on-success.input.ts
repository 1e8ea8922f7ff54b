import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  return { conn, done: () => conn.release() };
}
export async function find(id: string) {
  const { conn, done } = await openDb();
  const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  done();
  return rows;
}
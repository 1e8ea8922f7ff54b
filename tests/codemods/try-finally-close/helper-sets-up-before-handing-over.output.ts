import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'db' });
async function getConn() {
  const conn = await pool.getConnection();
  try {
    await conn.query('SET NAMES utf8');
    return conn;
  } catch (error) {
    conn.release();
    throw error;
  }
}
export async function find(id: string) {
  const conn = await getConn();
  try {
    return await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  } finally {
    conn.release();
  }
}
import mysql from 'mysql2/promise';
const pool = mysql.createPool({ host: 'x' });

async function getConn() {
  const conn = await pool.getConnection();
  await conn.query('SET NAMES utf8');
  return conn;
}

export async function handler(id: string) {
  const conn = await getConn();
  const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  conn.release();
  return rows;
}

async function openDb() {
  const conn = await pool.getConnection();
  return { conn, done: () => conn.release() };
}

export async function handler2(id: string) {
  const { conn, done } = await openDb();
  const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  done();
  return rows;
}

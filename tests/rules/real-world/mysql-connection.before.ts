// mysql2: a pool connection released after the queries, so a failed query keeps it forever.
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ host: '127.0.0.1', connectionLimit: 5 });

export async function recentOrders(customer: number) {
  const connection = await pool.getConnection();
  await connection.query('set session transaction read only');
  const [rows] = await connection.query('select * from orders where customer = ? limit 20', [customer]);
  connection.release();
  return rows;
}

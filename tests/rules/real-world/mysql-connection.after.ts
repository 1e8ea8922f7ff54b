import mysql from 'mysql2/promise';

const pool = mysql.createPool({ host: '127.0.0.1', connectionLimit: 5 });

export async function recentOrders(customer: number) {
  const connection = await pool.getConnection();
  try {
    await connection.query('set session transaction read only');
    const [rows] = await connection.query('select * from orders where customer = ? limit 20', [customer]);
    return rows;
  } finally {
    connection.release();
  }
}

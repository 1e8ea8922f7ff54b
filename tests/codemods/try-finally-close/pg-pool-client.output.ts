import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 10 });

export interface Account {
  readonly id: number;
  readonly email: string;
  readonly roles: string[];
}

export async function findAccount(id: number): Promise<Account | undefined> {
  const client = await pool.connect();
  try {
    const users = await client.query<{ id: number; email: string }>('SELECT id, email FROM users WHERE id = $1', [id]);
    const roles = await client.query<{ role: string }>('SELECT role FROM user_roles WHERE user_id = $1', [id]);
    const user = users.rows[0];
    return user && { ...user, roles: roles.rows.map((row) => row.role) };
  } finally {
    client.release();
  }
}

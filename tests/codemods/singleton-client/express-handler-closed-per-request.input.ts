import express from 'express';
import { Pool } from 'pg';

const app = express();

app.get('/users', async (req: express.Request, res: express.Response) => {
  const pool = new Pool({ max: 2 });
  try {
    const result = await pool.query('select * from users');
    res.json(result.rows);
  } finally {
    await pool.end();
  }
});

app.listen(3000);

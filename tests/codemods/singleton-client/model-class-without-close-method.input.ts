import type { Request, Response } from 'express';
import { Pool } from 'pg';

export class InvoiceModel {
  private readonly pool: Pool;

  constructor() {
    this.pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  }

  async findAll(): Promise<unknown[]> {
    const result = await this.pool.query('select * from invoice');
    return result.rows;
  }
}

export const listInvoices = async (req: Request, res: Response): Promise<void> => {
  const model = new InvoiceModel();
  res.json(await model.findAll());
};

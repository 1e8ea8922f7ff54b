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

// Shared by every call; leakguard knows no method that closes it, so it lives as long as the process.
let model: InvoiceModel | undefined;

function getModel(): InvoiceModel {
  return (model ??= new InvoiceModel());
}

export const listInvoices = async (req: Request, res: Response): Promise<void> => {
  const model = getModel();
  res.json(await model.findAll());
};

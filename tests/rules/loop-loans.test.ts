import clientRule from '../../rules/no-client-per-call';
import closeRule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A value made before a loop and passed to a call on every iteration is lent to that call, not
 * handed over: ownership changes hands once, and a callee that kept it would be given it again next
 * time round. The function that made it still owns it and must end it (n8n's IMAP node connected a
 * client per execution, passed it to each item's action and never logged it out). Passed once, or
 * made inside the loop, it may have been handed over, and the rules stay quiet as before.
 */
const clientValid = [
  {
    name: 'a client passed once to an unknown function may have been handed over',
    code: `
import { Client } from 'pg';
export async function importAll(rows: string[], insert: (client: Client, rows: string[]) => Promise<void>): Promise<void> {
  const client = new Client();
  await client.connect();
  await insert(client, rows);
}`,
  },
  {
    name: 'a client made inside the loop and passed on in the same iteration may be kept each time',
    code: `
import { Client } from 'pg';
export async function perRow(rows: string[], insert: (client: Client, row: string) => Promise<void>): Promise<void> {
  for (const row of rows) {
    const client = new Client();
    await client.connect();
    await insert(client, row);
  }
}`,
  },
];

const clientInvalid = [
  {
    name: 'a client made per call and lent to a call on every iteration, never closed',
    code: `
import { Client } from 'pg';
export async function importRows(rows: string[], insert: (client: Client, row: string) => Promise<void>): Promise<void> {
  const client = new Client();
  await client.connect();
  for (const row of rows) {
    await insert(client, row);
  }
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
  },
];

const closeValid = [
  {
    name: 'a handle given to a function once, before the loop that writes to it',
    code: `
import { open, type FileHandle } from 'node:fs/promises';
export async function writeAll(path: string, lines: string[], keep: (file: FileHandle) => void): Promise<void> {
  const file = await open(path, 'w');
  keep(file);
  for (const line of lines) await file.write(line);
}`,
  },
];

const lentInLoop = `
import { open, type FileHandle } from 'node:fs/promises';
export async function writeLines(path: string, lines: string[], write: (file: FileHandle, line: string) => Promise<void>): Promise<void> {
  const file = await open(path, 'w');
  for (const line of lines) await write(file, line);
}`;

const wrapped = `
import { open, type FileHandle } from 'node:fs/promises';
export async function writeLines(path: string, lines: string[], write: (file: FileHandle, line: string) => Promise<void>): Promise<void> {
  const file = await open(path, 'w');
  try {
    for (const line of lines) await write(file, line);
  } finally {
    await file.close();
  }
}`;

const closeInvalid = (typed: boolean) => [
  {
    name: 'a file handle lent to a call on every iteration and never closed',
    code: lentInLoop,
    errors: [
      {
        messageId: 'neverReleased' as const,
        line: 4,
        suggestions: [
          { messageId: 'wrapInTryFinally' as const, output: wrapped },
          // Typed: the checker knows a FileHandle is async-disposable.
          ...(typed
            ? [
                {
                  messageId: 'declareWithUsing' as const,
                  output: `
import { open, type FileHandle } from 'node:fs/promises';
export async function writeLines(path: string, lines: string[], write: (file: FileHandle, line: string) => Promise<void>): Promise<void> {
  await using file = await open(path, 'w');
  for (const line of lines) await write(file, line);
}`,
                },
              ]
            : []),
        ],
      },
    ],
  },
];

typedRuleTester().run('no-client-per-call (lent in a loop, typed)', clientRule, { valid: clientValid, invalid: clientInvalid });
untypedRuleTester().run('no-client-per-call (lent in a loop, untyped)', clientRule, { valid: clientValid, invalid: clientInvalid });
typedRuleTester().run('require-close (lent in a loop, typed)', closeRule, { valid: closeValid, invalid: closeInvalid(true) });
untypedRuleTester().run('require-close (lent in a loop, untyped)', closeRule, { valid: closeValid, invalid: closeInvalid(false) });

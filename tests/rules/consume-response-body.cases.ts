/**
 * The invalid cases of `consume-response-body`, shared by the RuleTester suites and the suggestion
 * check (tests/streams/consume-response-body.suggestions.test.ts).
 */
export interface ResponseBodyCase {
  readonly name: string;
  readonly code: string;
  readonly errors: readonly { readonly messageId: 'dropped' | 'neverRead' | 'unreadOnExit'; readonly line: number; readonly suggestions: readonly string[] }[];
}

export const responseBodyCases: readonly ResponseBodyCase[] = [
  {
    name: 'an error path throws before reading the body of a fetch response',
    code: `
export async function getUser(id: string): Promise<unknown> {
  const res = await fetch(\`\${process.env.USERS_API}/users/\${id}\`);
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}
`,
    errors: [{ messageId: 'unreadOnExit', line: 4, suggestions: ['cancelBody'] }],
  },
  {
    name: 'an early return in a block before reading',
    code: `
export async function getConfig(name: string): Promise<unknown> {
  const response = await fetch(new URL(name, process.env.CONFIG_URL));
  if (response.status === 404) {
    return undefined;
  }
  return await response.json();
}
`,
    errors: [{ messageId: 'unreadOnExit', line: 5, suggestions: ['cancelBody'] }],
  },
  {
    name: 'a webhook call whose response is dropped',
    code: `
export async function notify(payload: object): Promise<void> {
  await fetch(process.env.WEBHOOK_URL!, { method: 'POST', body: JSON.stringify(payload) });
}
`,
    errors: [{ messageId: 'dropped', line: 3, suggestions: ['cancelBody'] }],
  },
  {
    name: 'health checks that look at the status only',
    code: `
import { setTimeout as sleep } from 'node:timers/promises';
export async function waitUntilUp(url: string): Promise<void> {
  for (;;) {
    const res = await fetch(url);
    if (res.ok) return;
    await sleep(1000);
  }
}
export async function isUp(url: string): Promise<boolean> {
  const res = await fetch(url);
  return res.ok;
}
`,
    errors: [
      { messageId: 'neverRead', line: 5, suggestions: ['cancelBody'] },
      { messageId: 'neverRead', line: 11, suggestions: ['cancelBody'] },
    ],
  },
  {
    name: 'undici request destructured: an error status thrown before the body is read',
    code: `
import { request } from 'undici';
export async function load(url: string): Promise<unknown> {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) throw new Error(\`status \${statusCode}\`);
  return body.json();
}
`,
    errors: [{ messageId: 'unreadOnExit', line: 5, suggestions: ['dumpBody'] }],
  },
  {
    name: 'undici request without destructuring the body at all',
    code: `
import { request } from 'undici';
export async function ping(url: string): Promise<number> {
  const { statusCode } = await request(url);
  return statusCode;
}
`,
    errors: [{ messageId: 'neverRead', line: 4, suggestions: [] }],
  },
  {
    name: 'a loop that skips failed responses with continue',
    code: `
import { fetch } from 'undici';
export async function collect(urls: string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const url of urls) {
    const res = await fetch(url);
    if (!res.ok) continue;
    out.push(await res.json());
  }
  return out;
}
`,
    errors: [{ messageId: 'unreadOnExit', line: 7, suggestions: ['cancelBody'] }],
  },
];

import rule from '../../rules/consume-response-body';
import { responseBodyCases, type ResponseBodyCase } from './consume-response-body.cases';
import { responseBodySuggestionOutputs } from './consume-response-body.outputs';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const typed = typedRuleTester();
const untyped = untypedRuleTester();

/** The rule reads callees by their bindings: both modes agree on every case. */
const valid = [
  {
    name: 'an error path that reads the body into the error',
    code: `
export async function getUser(id: string): Promise<unknown> {
  const res = await fetch(\`/users/\${id}\`);
  if (!res.ok) throw new Error(await res.text());
  return res.json();
}`,
  },
  {
    name: 'an error path that cancels the body',
    code: `
export async function getUser(id: string): Promise<unknown> {
  const res = await fetch(\`/users/\${id}\`);
  if (!res.ok) {
    await res.body?.cancel();
    throw new Error(\`HTTP \${res.status}\`);
  }
  return res.json();
}`,
  },
  {
    name: 'the response handed back to the caller',
    code: `
export async function get(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) console.warn(res.status);
  return res;
}`,
  },
  {
    name: 'the response handed to a helper on the error path',
    code: `
declare function failure(res: Response): Promise<Error>;
export async function get(url: string): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw await failure(res);
  return res.json();
}`,
  },
  {
    name: 'undici request whose body is dumped on the error path',
    code: `
import { request } from 'undici';
export async function load(url: string): Promise<unknown> {
  const { statusCode, body } = await request(url);
  if (statusCode !== 200) {
    await body.dump();
    throw new Error(String(statusCode));
  }
  return body.json();
}`,
  },
  {
    name: 'a body released in finally covers every exit',
    code: `
export async function probe(url: string): Promise<number> {
  const res = await fetch(url);
  try {
    if (!res.ok) return -1;
    return Number(res.headers.get('content-length'));
  } finally {
    await res.body?.cancel();
  }
}`,
  },
  {
    name: 'a HEAD request has no body',
    code: `
export async function exists(url: string): Promise<boolean> {
  const res = await fetch(url, { method: 'HEAD' });
  return res.ok;
}`,
  },
  {
    name: 'the global fetch in a module that shows no node (a browser module): the browser frees unread bodies',
    code: `
export async function getUser(id: string): Promise<unknown> {
  const res = await fetch(\`/api/users/\${id}\`);
  if (!res.ok) throw new Error(\`HTTP \${res.status}\`);
  return res.json();
}`,
  },
  {
    name: 'the global fetch in a page module that also reads process.env (a bundler inlines it)',
    code: `
export async function ping(): Promise<boolean> {
  const res = await fetch(process.env.PING_URL ?? '/ping');
  window.dispatchEvent(new Event(res.ok ? 'online' : 'offline'));
  return res.ok;
}`,
  },
  {
    name: 'a local function named fetch is not the fetch API',
    code: `
function fetch(key: string): Promise<{ ok: boolean }> { return Promise.resolve({ ok: key.length > 0 }); }
export async function has(key: string): Promise<boolean> {
  const res = await fetch(key);
  return res.ok;
}`,
  },
  {
    name: 'a body read with a stream pipeline',
    code: `
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createWriteStream } from 'node:fs';
export async function download(url: string, file: string): Promise<void> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(await res.text());
  await pipeline(Readable.fromWeb(res.body!), createWriteStream(file));
}`,
  },
];

function invalidCase(shared: ResponseBodyCase) {
  return {
    name: shared.name,
    code: shared.code,
    errors: shared.errors.map((error) => ({
      messageId: error.messageId,
      line: error.line,
      suggestions: error.suggestions.map((messageId) => ({
        messageId: messageId as never,
        output: responseBodySuggestionOutputs[`${shared.name} / ${messageId}@${error.line}`] ?? '',
      })),
    })),
  };
}

typed.run('consume-response-body (typed)', rule, { valid, invalid: responseBodyCases.map(invalidCase) });

untyped.run('consume-response-body (untyped)', rule, { valid, invalid: responseBodyCases.map(invalidCase) });

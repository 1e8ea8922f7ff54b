import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * A connection pool made per call and lent to one request as an option (`agent`, `httpAgent`,
 * `httpsAgent`, undici's `dispatcher`): the request borrows it and leaves it open, so every call
 * drops one pool with its keep-alive sockets (OpenTelemetry's exporter made one per export). Node's
 * own agent keeps sockets only when asked (`keepAlive: true`); without that it holds nothing once
 * its request is done.
 */
const valid = [
  {
    name: 'an inline agent without keep-alive lent to one request holds nothing afterwards',
    code: `
import https from 'node:https';
export function fetchInsecure(url: string, done: (status?: number) => void) {
  https.get(url, { agent: new https.Agent({ rejectUnauthorized: false }) }, (res) => {
    res.resume();
    done(res.statusCode);
  });
}`,
  },
  {
    name: 'an options object that leaves the function takes its agent with it',
    code: `
import http from 'node:http';
export function requestOptions(host: string): http.RequestOptions {
  const options: http.RequestOptions = { host };
  options.agent = new http.Agent({ keepAlive: true });
  return options;
}`,
  },
  {
    name: 'a keep-alive agent made once at start-up and lent to every request',
    code: `
import http from 'node:http';
const agent = new http.Agent({ keepAlive: true });
export function send(url: string, body: string) {
  const req = http.request(url, { method: 'POST', agent }, (res) => res.resume());
  req.end(body);
}`,
  },
  {
    name: 'an axios instance made at start-up keeps the keep-alive agent it is given',
    code: `
import axios from 'axios';
import https from 'node:https';
const api = axios.create({ baseURL: 'https://api.example.com', httpsAgent: new https.Agent({ keepAlive: true }) });
export async function user(id: string): Promise<unknown> {
  const response = await api.get(\`/users/\${id}\`);
  return response.data;
}`,
  },
];

const invalid = [
  {
    name: 'a keep-alive agent made inline for every request',
    code: `
import http from 'node:http';
export function send(url: string, body: string) {
  const req = http.request(url, { method: 'POST', agent: new http.Agent({ keepAlive: true }) }, (res) => res.resume());
  req.end(body);
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4 }],
    output: null,
  },
  {
    name: "an exporter sets a new keep-alive agent on each export's request options",
    code: `
import http from 'node:http';
import https from 'node:https';
export function exportSpans(url: string, body: string, agentOptions: http.AgentOptions) {
  const target = new URL(url);
  const options: http.RequestOptions = { hostname: target.hostname, path: target.pathname, method: 'POST' };
  options.agent = target.protocol === 'http:' ? new http.Agent({ ...agentOptions, keepAlive: true }) : new https.Agent({ ...agentOptions, keepAlive: true });
  const req = (target.protocol === 'http:' ? http.request : https.request)(options, (res) => res.resume());
  req.end(body);
}`,
    errors: [
      { messageId: 'neverClosed' as const, line: 7 },
      { messageId: 'neverClosed' as const, line: 7 },
    ],
    output: null,
  },
  {
    name: 'a keep-alive agent made per call and lent to one axios request in its config',
    code: `
import axios from 'axios';
import https from 'node:https';
export async function fetchQuote(url: string): Promise<unknown> {
  const agent = new https.Agent({ keepAlive: true });
  const response = await axios.get(url, { httpsAgent: agent, timeout: 5_000 });
  return response.data;
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 5 }],
  },
  {
    name: 'a keep-alive agent made inline in the config axios is called with',
    code: `
import axios from 'axios';
import http from 'node:http';
export async function ping(url: string): Promise<number> {
  const response = await axios({ url, method: 'HEAD', httpAgent: new http.Agent({ keepAlive: true }) });
  return response.status;
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 5 }],
  },
];

typedRuleTester().run('no-client-per-call (pools lent to one request, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-client-per-call (pools lent to one request, untyped)', rule, { valid, invalid });

// A JSON client through an undici Agent with a small connection limit, against a loopback server
// whose every answer is an error with a body larger than undici's stream buffer. The error path
// throws before reading the body: the body keeps its connection, and the next calls queue behind it.
// Prints how many of N concurrent calls settled within the time limit.
import http from 'node:http';
import { Agent, request } from 'undici';

const N = Number(process.env.CALLS ?? 60);
const CONNECTIONS = 2;
const LIMIT_MS = 4000;
const errorBody = 'e'.repeat(100 * 1024);

const server = http.createServer((req, res) => {
  res.statusCode = 503;
  res.end(errorBody);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();
const agent = new Agent({ connections: CONNECTIONS });

export async function getJson(url) {
  const { statusCode, body } = await request(url, { dispatcher: agent });
  if (statusCode !== 200) throw new Error(`status ${statusCode}`);
  return body.json();
}

let settled = 0;
const calls = Array.from({ length: N }, () => getJson(`http://127.0.0.1:${port}/items`).then(() => settled++, () => settled++));
await Promise.race([Promise.all(calls), new Promise((resolve) => setTimeout(resolve, LIMIT_MS))]);

const measurement = { program: 'fetch-json-response-body', n: N, connections: CONNECTIONS, settled };
console.log(JSON.stringify(measurement));
server.closeAllConnections();
server.close();
await agent.destroy().catch(() => {});
process.exit(0);

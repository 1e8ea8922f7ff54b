import clientRule from '../../rules/no-client-per-call';
import handleRule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * The registry's entries for resource-owning packages beyond the core drivers, each read from the
 * package's documented API: one case that leaks and one that does not per entry. Clients are made in a
 * route handler and never closed (the leak), or once at module load (fine); handles are opened in a
 * function and never released (the leak, with the try/finally suggestion), or released in `finally`.
 * `typed` marks the packages whose types are installed here (chokidar, @types/better-sqlite3,
 * @types/oracledb, @types/node, @clickhouse/client); the others are `any` to the checker,
 * so typed mode reads them as untyped mode does and only the untyped run is needed.
 */
interface ClientCase {
  readonly resource: string;
  /** Import or require lines; `express` is imported by the template. */
  readonly imports: string;
  /** The expression that makes the client (awaited where the factory resolves a promise). */
  readonly make: string;
  /** A statement that uses the client `x`. */
  readonly use: string;
  readonly typed?: boolean;
}

const clients: readonly ClientCase[] = [
  {
    resource: 'SQLite database',
    imports: `const sqlite3 = require('sqlite3').verbose();`,
    make: `new sqlite3.Database('app.db')`,
    use: `x.all('select * from users', (err, rows) => res.json(rows));`,
  },
  {
    resource: 'SQLite database',
    imports: `import Database from 'better-sqlite3';`,
    make: `new Database('app.db')`,
    use: `res.json(x.prepare('select * from users').all());`,
    typed: true,
  },
  {
    resource: 'SQLite database',
    imports: `import { DatabaseSync } from 'node:sqlite';`,
    make: `new DatabaseSync('app.db')`,
    use: `res.json(x.prepare('select * from users').all());`,
  },
  {
    resource: 'SQLite database',
    imports: `import sqlite3 from 'sqlite3';\nimport { open } from 'sqlite';`,
    make: `await open({ filename: 'app.db', driver: sqlite3.Database })`,
    use: `res.json(await x.all('select * from users'));`,
  },
  {
    resource: 'chokidar watcher',
    imports: `import chokidar from 'chokidar';`,
    make: `chokidar.watch('./content')`,
    use: `res.json(x.getWatched());`,
    typed: true,
  },
  {
    // Node's own watcher: it watches until closed, so a listener is no hand-off (as for chokidar).
    resource: 'file watcher',
    imports: `import fs from 'node:fs';`,
    make: `fs.watch('./content')`,
    use: `x.on('change', () => res.write('changed'));`,
    typed: true,
  },
  {
    resource: 'LevelDB database',
    imports: `import { Level } from 'level';`,
    make: `new Level('./data')`,
    use: `res.json(await x.get(req.params.key));`,
  },
  {
    resource: 'LMDB database',
    imports: `import { open } from 'lmdb';`,
    make: `open({ path: './data' })`,
    use: `res.json(x.get(req.params.key));`,
  },
  {
    resource: 'oracledb pool',
    imports: `import oracledb from 'oracledb';`,
    make: `await oracledb.createPool({ user: 'app', connectString: 'db/orcl' })`,
    use: `res.json(await x.getStatistics());`,
    typed: true,
  },
  {
    resource: 'mariadb pool',
    imports: `const mariadb = require('mariadb');`,
    make: `mariadb.createPool({ host: 'db' })`,
    use: `res.json(await x.query('select 1'));`,
  },
  {
    resource: 'mariadb connection',
    imports: `import * as mariadb from 'mariadb';`,
    make: `await mariadb.createConnection({ host: 'db' })`,
    use: `res.json(await x.query('select 1'));`,
  },
  {
    resource: 'tedious connection',
    imports: `import { Connection } from 'tedious';`,
    make: `new Connection({ server: 'db' })`,
    use: `x.connect((err) => res.json({ ok: !err }));`,
  },
  {
    resource: 'Neo4j driver',
    imports: `import neo4j from 'neo4j-driver';`,
    make: `neo4j.driver('neo4j://db', neo4j.auth.basic('neo4j', 'secret'))`,
    use: `res.json(await x.executeQuery('MATCH (p) RETURN p'));`,
  },
  {
    resource: 'Couchbase cluster',
    imports: `import couchbase from 'couchbase';`,
    make: `await couchbase.connect('couchbase://db', { username: 'app', password: 'secret' })`,
    use: `res.json(await x.query('select 1'));`,
  },
  {
    resource: 'Memcached client',
    imports: `const Memcached = require('memcached');`,
    make: `new Memcached('cache:11211')`,
    use: `x.get(req.params.key, (err, value) => res.json(value));`,
  },
  {
    resource: 'ClickHouse client',
    imports: `import { createClient } from '@clickhouse/client';`,
    make: `createClient({ url: 'http://db:8123' })`,
    use: `res.json(await (await x.query({ query: 'select 1' })).json());`,
    typed: true,
  },
  {
    resource: 'NATS connection',
    imports: `import { connect } from 'nats';`,
    make: `await connect({ servers: 'nats://bus:4222' })`,
    use: `x.publish('orders', req.body);`,
  },
  {
    resource: 'Azure Service Bus client',
    imports: `import { ServiceBusClient } from '@azure/service-bus';`,
    make: `new ServiceBusClient('Endpoint=sb://bus/')`,
    use: `await x.createSender('orders').sendMessages({ body: req.body });`,
  },
  {
    resource: 'HTTP/2 client session',
    imports: `import http2 from 'node:http2';`,
    make: `http2.connect('https://api.example.com')`,
    use: `x.request({ ':path': '/health' }).on('response', (headers) => res.json(headers));`,
    typed: true,
  },
  {
    resource: 'Socket.IO client',
    imports: `import { io } from 'socket.io-client';`,
    make: `io('https://feed.example.com')`,
    use: `x.emit('order', req.body);`,
  },
  {
    resource: 'ZeroMQ socket',
    imports: `import * as zmq from 'zeromq';`,
    make: `new zmq.Push()`,
    use: `await x.send(JSON.stringify(req.body));`,
  },
  {
    resource: 'LdapAuth client',
    imports: `const LdapAuth = require('ldapauth-fork');`,
    make: `new LdapAuth({ url: 'ldaps://ldap.example.org', searchBase: 'ou=users', searchFilter: '(uid={{username}})' })`,
    use: `x.authenticate(req.body.user, req.body.password, (err, user) => res.json(user));`,
  },
];

const routeFile = (entry: ClientCase, body: string, top = ''): string =>
  `${entry.imports}\nimport express from 'express';\nconst app = express();\n${top}app.post('/run', async (req: any, res: any) => {\n${body}  res.end();\n});`;

const clientCase = (entry: ClientCase) => ({
  valid: { name: `${entry.resource} made once at module load`, code: routeFile(entry, `  ${entry.use}\n`, `const x = ${entry.make};\n`) },
  invalid: {
    name: `${entry.resource} made per request and never closed: ${entry.make}`,
    code: routeFile(entry, `  const x = ${entry.make};\n  ${entry.use}\n`),
    errors: [
      {
        messageId: 'neverClosed' as const,
        line: entry.imports.split('\n').length + 4,
        data: { resource: entry.resource, where: 'a route handler' },
      },
    ],
  },
});

/** A handle opened in a function and never released, the suggestion's output, and a version that releases it. */
interface HandleCase {
  readonly resource: string;
  readonly release: string;
  readonly line: number;
  readonly leaky: string;
  readonly suggested: string;
  readonly released: string;
  readonly typed?: boolean;
  /** Typed, the `await using` suggestion's output: the declared type is AsyncDisposable (@types/oracledb). */
  readonly awaitUsing?: string;
}

const handles: readonly HandleCase[] = [
  {
    resource: 'oracledb connection',
    release: '.close()',
    line: 3,
    typed: true,
    awaitUsing: `
import oracledb from 'oracledb';
export async function count(table: string) {
  await using connection = await oracledb.getConnection({ user: 'app', password: 'secret', connectString: 'db/orcl' });
  const result = await connection.execute(\`select count(*) from \${table}\`);
  return result.rows;
}`,
    leaky: `
import oracledb from 'oracledb';
export async function count(table: string) {
  const connection = await oracledb.getConnection({ user: 'app', password: 'secret', connectString: 'db/orcl' });
  const result = await connection.execute(\`select count(*) from \${table}\`);
  return result.rows;
}`,
    suggested: `
import oracledb from 'oracledb';
export async function count(table: string) {
  const connection = await oracledb.getConnection({ user: 'app', password: 'secret', connectString: 'db/orcl' });
  try {
    const result = await connection.execute(\`select count(*) from \${table}\`);
    return result.rows;
  } finally {
    await connection.close();
  }
}`,
    released: `
import oracledb from 'oracledb';
const pool = await oracledb.createPool({ user: 'app', password: 'secret', connectString: 'db/orcl' });
export async function count(table: string) {
  const connection = await pool.getConnection();
  try {
    const result = await connection.execute(\`select count(*) from \${table}\`);
    return result.rows;
  } finally {
    await connection.close();
  }
}`,
  },
  {
    resource: 'mariadb pool connection',
    release: '.release()',
    line: 4,
    leaky: `
const mariadb = require('mariadb');
const pool = mariadb.createPool({ host: 'db', connectionLimit: 5 });
async function users() {
  const conn = await pool.getConnection();
  const rows = await conn.query('select * from users');
  return rows;
}
module.exports = { users };`,
    suggested: `
const mariadb = require('mariadb');
const pool = mariadb.createPool({ host: 'db', connectionLimit: 5 });
async function users() {
  const conn = await pool.getConnection();
  try {
    const rows = await conn.query('select * from users');
    return rows;
  } finally {
    await conn.release();
  }
}
module.exports = { users };`,
    released: `
const mariadb = require('mariadb');
const pool = mariadb.createPool({ host: 'db', connectionLimit: 5 });
async function users() {
  const conn = await pool.getConnection();
  try {
    return await conn.query('select * from users');
  } finally {
    conn.end();
  }
}
module.exports = { users };`,
  },
  {
    resource: 'Neo4j session',
    release: '.close()',
    line: 4,
    leaky: `
const neo4j = require('neo4j-driver');
const driver = neo4j.driver('neo4j://db', neo4j.auth.basic('neo4j', 'secret'));
async function people() {
  const session = driver.session();
  const result = await session.run('MATCH (p:Person) RETURN p');
  return result.records;
}
module.exports = { people };`,
    suggested: `
const neo4j = require('neo4j-driver');
const driver = neo4j.driver('neo4j://db', neo4j.auth.basic('neo4j', 'secret'));
async function people() {
  const session = driver.session();
  try {
    const result = await session.run('MATCH (p:Person) RETURN p');
    return result.records;
  } finally {
    await session.close();
  }
}
module.exports = { people };`,
    released: `
const neo4j = require('neo4j-driver');
const driver = neo4j.driver('neo4j://db', neo4j.auth.basic('neo4j', 'secret'));
async function people() {
  const session = driver.session({ database: 'people' });
  try {
    return (await session.run('MATCH (p:Person) RETURN p')).records;
  } finally {
    await session.close();
  }
}
module.exports = { people };`,
  },
  {
    resource: 'SFTP client',
    release: '.end()',
    line: 3,
    leaky: `
const SftpClient = require('ssh2-sftp-client');
async function list(dir) {
  const sftp = new SftpClient();
  await sftp.connect({ host: 'sftp.example.com' });
  const files = await sftp.list(dir);
  return files;
}
module.exports = { list };`,
    suggested: `
const SftpClient = require('ssh2-sftp-client');
async function list(dir) {
  const sftp = new SftpClient();
  try {
    await sftp.connect({ host: 'sftp.example.com' });
    const files = await sftp.list(dir);
    return files;
  } finally {
    await sftp.end();
  }
}
module.exports = { list };`,
    released: `
const SftpClient = require('ssh2-sftp-client');
async function list(dir) {
  const sftp = new SftpClient();
  try {
    await sftp.connect({ host: 'sftp.example.com' });
    return await sftp.list(dir);
  } finally {
    await sftp.end();
  }
}
module.exports = { list };`,
  },
  {
    resource: 'WebDriver session',
    release: '.quit()',
    line: 3,
    leaky: `
const { Builder } = require('selenium-webdriver');
async function pageTitle(url) {
  const driver = await new Builder().forBrowser('chrome').build();
  await driver.get(url);
  const title = await driver.getTitle();
  return title;
}
module.exports = { pageTitle };`,
    suggested: `
const { Builder } = require('selenium-webdriver');
async function pageTitle(url) {
  const driver = await new Builder().forBrowser('chrome').build();
  try {
    await driver.get(url);
    const title = await driver.getTitle();
    return title;
  } finally {
    await driver.quit();
  }
}
module.exports = { pageTitle };`,
    released: `
import { Builder } from 'selenium-webdriver';
export async function pageTitle(url: string) {
  const driver = new Builder().forBrowser('firefox').build();
  try {
    await driver.get(url);
    return await driver.getTitle();
  } finally {
    await driver.quit();
  }
}`,
  },
];

const handleCase = (entry: HandleCase, typed = false) => ({
  valid: { name: `${entry.resource} released in finally`, code: entry.released },
  invalid: {
    name: `${entry.resource} never released`,
    code: entry.leaky,
    errors: [
      {
        messageId: 'neverReleased' as const,
        line: entry.line + 1,
        data: { resource: entry.resource, release: entry.release },
        suggestions: [
          { messageId: 'wrapInTryFinally' as const, output: entry.suggested },
          ...(typed && entry.awaitUsing ? [{ messageId: 'declareWithUsing' as const, data: { keyword: 'await using' }, output: entry.awaitUsing }] : []),
        ],
      },
    ],
  },
});

const clientCases = clients.map(clientCase);
const handleCases = handles.map((entry) => handleCase(entry));
const typedClientCases = clients.filter((entry) => entry.typed).map(clientCase);
const typedHandleCases = handles.filter((entry) => entry.typed).map((entry) => handleCase(entry, true));

/**
 * A watcher's listeners are its own: one made per call with a `change` listener and never closed keeps
 * watching and firing for good (a handle would count the listener as a hand-off). One returned to the
 * caller, or closed by the function that waits on it, is not made per call and dropped.
 */
const watcherValid = [
  {
    name: 'a chokidar watcher handed back to the caller, who closes it',
    code: `
import chokidar from 'chokidar';
export function watchConfig(path: string, reload: () => void) {
  const watcher = chokidar.watch(path, { ignoreInitial: true });
  watcher.on('change', reload);
  return watcher;
}`,
  },
  {
    name: 'a chokidar watcher closed in finally by the function that waits for its first change',
    code: `
import chokidar from 'chokidar';
export async function firstChange(dir: string) {
  const watcher = chokidar.watch(dir);
  try {
    return await new Promise((resolve) => watcher.once('change', resolve));
  } finally {
    await watcher.close();
  }
}`,
  },
];
const watcherInvalid = [
  {
    name: 'a chokidar watcher made on every call with a change listener and never closed',
    code: `
import chokidar from 'chokidar';
export function onConfigChange(path: string, reload: () => void) {
  const watcher = chokidar.watch(path);
  watcher.on('change', reload);
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 4, data: { resource: 'chokidar watcher', where: '`onConfigChange`' } }],
  },
];

/** Typed, a method declared to return its own database (`exec(): this`) hands back the same one. */
const selfReturning = {
  name: 'better-sqlite3 methods that return the database itself acquire nothing',
  code: `
import Database from 'better-sqlite3';
import express from 'express';
const db = new Database('app.db');
const app = express();
app.post('/run', (req, res) => {
  const again = db.exec('insert into runs default values');
  const unsafe = again.unsafeMode(false).defaultSafeIntegers(true);
  res.json(unsafe.name);
});`,
};

untypedRuleTester().run('no-client-per-call (registry packages, untyped)', clientRule, {
  valid: [...clientCases.map((cases) => cases.valid), ...watcherValid],
  invalid: [...clientCases.map((cases) => cases.invalid), ...watcherInvalid],
});
untypedRuleTester().run('require-close (registry packages, untyped)', handleRule, {
  valid: handleCases.map((cases) => cases.valid),
  invalid: handleCases.map((cases) => cases.invalid),
});
typedRuleTester().run('no-client-per-call (registry packages with installed types, typed)', clientRule, {
  valid: [...typedClientCases.map((cases) => cases.valid), selfReturning, ...watcherValid],
  invalid: [...typedClientCases.map((cases) => cases.invalid), ...watcherInvalid],
});
typedRuleTester().run('require-close (registry packages with installed types, typed)', handleRule, {
  valid: typedHandleCases.map((cases) => cases.valid),
  invalid: typedHandleCases.map((cases) => cases.invalid),
});

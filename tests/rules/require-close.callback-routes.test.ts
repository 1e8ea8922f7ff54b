import rule from '../../rules/require-close';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Callback-style routes: a pool connection delivered to a callback (`pool.getConnection((err,
 * connection) => …)`, pg's `pool.connect((err, client, done) => …)`) and given back in the callbacks
 * of its own queries, or by a helper of the file that releases what it is given. Every way out of
 * the route's callback must reach one of those; an early `return` before them (a failed validation)
 * keeps the connection checked out for good, and the pool drains one bad request at a time.
 */
const valid = [
  {
    name: 'a local function passed by name that releases the client on every path',
    code: `
import pg from 'pg';
const pool = new pg.Pool();
export function processNow(jobId: number, done: (error?: Error) => void): void {
  pool.connect(connected);
  function connected(err: Error | undefined, db: pg.PoolClient, release: () => void) {
    if (err) return done(err);
    db.query('select $1::int', [jobId], (queryError) => {
      release();
      done(queryError);
    });
  }
}`,
  },
  {
    name: 'every path reaches the query whose callback releases the connection',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 20 });
export function handler(id: string, send: (rows: unknown) => void, fail: (status: number) => void): void {
  pool.getConnection((err, connection) => {
    if (err) return fail(500);
    connection.query('SELECT 1', (queryError, rows) => {
      connection.release();
      if (queryError) return fail(500);
      send(rows);
    });
  });
}`,
  },
  {
    name: 'validation before the checkout: nothing is open yet when it returns',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 20 });
export function handler(id: string, send: (rows: unknown) => void, fail: (status: number) => void): void {
  if (!/^\\d+$/.test(id)) return fail(400);
  pool.getConnection((err, connection) => {
    if (err) return fail(500);
    connection.query('SELECT 1', (queryError, rows) => {
      connection.release();
      send(rows);
    });
  });
}`,
  },
  {
    name: 'the early return hands the connection to a helper that releases it',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 20 });
function failWith(connection: mysql.PoolConnection | undefined, fail: (status: number) => void, status: number): void {
  if (connection) connection.release();
  fail(status);
}
export function handler(id: string, send: (rows: unknown) => void, fail: (status: number) => void): void {
  pool.getConnection((err, connection) => {
    if (err) return fail(500);
    if (!/^\\d+$/.test(id)) return failWith(connection, fail, 400);
    connection.query('SELECT 1', (queryError, rows) => {
      connection.release();
      send(rows);
    });
  });
}`,
  },
  {
    name: "pg's done() called in the query's callback on every path",
    code: `
import { Pool } from 'pg';
const pool = new Pool();
export function handler(id: string, send: (rows: unknown) => void): void {
  pool.connect((err, client, done) => {
    if (err) return;
    client.query('SELECT 1', (queryError, result) => {
      done();
      send(result.rows);
    });
  });
}`,
  },
];

const helperCaseOutput = `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 20 });
function databaseError(connection: mysql.PoolConnection | undefined, fail: (status: number) => void): void {
  if (connection) {
    connection.release();
  }
  fail(500);
}
function findClient(connection: mysql.PoolConnection, id: string, callback: (err: Error | null, rows?: unknown) => void): void {
  connection.query('SELECT * FROM clients WHERE id = ?', [Number(id)], (err, rows) => callback(err, rows));
}
export function handler(id: string, send: (rows: unknown) => void, fail: (status: number) => void): void {
  pool.getConnection((err, connection) => {
    if (err) return databaseError(connection, fail);
    if (!/^\\d+$/.test(id)) { connection.release(); return fail(400); }
    findClient(connection, id, (findError, rows) => {
      if (findError) return databaseError(connection, fail);
      connection.release();
      send(rows);
    });
  });
}`;

const cacheHitOutput = `
import { Pool } from 'pg';
const pool = new Pool();
const cache = new Map<string, unknown>();
export function handler(id: string, send: (rows: unknown) => void): void {
  pool.connect((err, client, done) => {
    if (err) return;
    if (cache.has(id)) { done(); return send(cache.get(id)); }
    client.query('SELECT 1', (queryError, result) => {
      done();
      send(result.rows);
    });
  });
}`;

const invalid = [
  {
    name: 'a pg client delivered to a local function passed by name, released only after the query succeeded',
    code: `
import pg from 'pg';
const pool = new pg.Pool();
export function processNow(jobId: number, done: (error?: Error) => void): void {
  pool.connect(connected);
  function connected(err: Error | undefined, db: pg.PoolClient, release: () => void) {
    if (err) return done(err);
    db.query('select $1::int', [jobId], (queryError) => {
      if (queryError) return done(queryError);
      release();
      done();
    });
  }
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 5,
        suggestions: [
          {
            messageId: 'releaseBeforeReturn' as const,
            output: `
import pg from 'pg';
const pool = new pg.Pool();
export function processNow(jobId: number, done: (error?: Error) => void): void {
  pool.connect(connected);
  function connected(err: Error | undefined, db: pg.PoolClient, release: () => void) {
    if (err) return done(err);
    db.query('select $1::int', [jobId], (queryError) => {
      if (queryError) { release(); return done(queryError); }
      release();
      done();
    });
  }
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'an invalid id returns before the query that releases the connection (comunidades-unidas)',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 20 });
export function handler(id: string, send: (rows: unknown) => void, fail: (status: number) => void): void {
  pool.getConnection((err, connection) => {
    if (err) return fail(500);
    if (!/^\\d+$/.test(id)) {
      return fail(400);
    }
    connection.query('SELECT 1', (queryError, rows) => {
      connection.release();
      send(rows);
    });
  });
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 5,
        data: { resource: 'mysql2 pool connection', line: '8' },
        suggestions: [
          {
            messageId: 'releaseBeforeReturn' as const,
            output: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 20 });
export function handler(id: string, send: (rows: unknown) => void, fail: (status: number) => void): void {
  pool.getConnection((err, connection) => {
    if (err) return fail(500);
    if (!/^\\d+$/.test(id)) {
      connection.release();
      return fail(400);
    }
    connection.query('SELECT 1', (queryError, rows) => {
      connection.release();
      send(rows);
    });
  });
}`,
          },
        ],
      },
    ],
  },
  {
    name: 'error paths go through a releasing helper, the validation path does not',
    code: `
import mysql from 'mysql2';
const pool = mysql.createPool({ connectionLimit: 20 });
function databaseError(connection: mysql.PoolConnection | undefined, fail: (status: number) => void): void {
  if (connection) {
    connection.release();
  }
  fail(500);
}
function findClient(connection: mysql.PoolConnection, id: string, callback: (err: Error | null, rows?: unknown) => void): void {
  connection.query('SELECT * FROM clients WHERE id = ?', [Number(id)], (err, rows) => callback(err, rows));
}
export function handler(id: string, send: (rows: unknown) => void, fail: (status: number) => void): void {
  pool.getConnection((err, connection) => {
    if (err) return databaseError(connection, fail);
    if (!/^\\d+$/.test(id)) return fail(400);
    findClient(connection, id, (findError, rows) => {
      if (findError) return databaseError(connection, fail);
      connection.release();
      send(rows);
    });
  });
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 14,
        data: { resource: 'mysql2 pool connection', line: '16' },
        suggestions: [{ messageId: 'releaseBeforeReturn' as const, output: helperCaseOutput }],
      },
    ],
  },
  {
    name: "a cache hit returns before pg's done() is ever called",
    code: `
import { Pool } from 'pg';
const pool = new Pool();
const cache = new Map<string, unknown>();
export function handler(id: string, send: (rows: unknown) => void): void {
  pool.connect((err, client, done) => {
    if (err) return;
    if (cache.has(id)) return send(cache.get(id));
    client.query('SELECT 1', (queryError, result) => {
      done();
      send(result.rows);
    });
  });
}`,
    errors: [
      {
        messageId: 'notReleasedOnEveryPath' as const,
        line: 6,
        data: { resource: 'pg pool client', line: '8' },
        suggestions: [{ messageId: 'releaseBeforeReturn' as const, output: cacheHitOutput }],
      },
    ],
  },
];

typedRuleTester().run('require-close (callback routes, typed)', rule, { valid, invalid });
untypedRuleTester().run('require-close (callback routes, untyped)', rule, { valid, invalid });

/** mysqljs/mysql (no types installed here): the same callback-only checkout. */
untypedRuleTester().run('require-close (callback routes, mysql, untyped)', rule, {
  valid: [],
  invalid: [
    {
      name: 'mysql: an invalid id returns before the release',
      code: `
const mysql = require('mysql');
const pool = mysql.createPool({ connectionLimit: 20 });
function handler(req, res) {
  pool.getConnection(function (err, connection) {
    if (err) return res.status(500).end();
    if (!req.params.id) return res.status(400).end();
    connection.query('SELECT 1', function (queryError, rows) {
      connection.release();
      res.send(rows);
    });
  });
}
module.exports = { handler };`,
      errors: [
        {
          messageId: 'notReleasedOnEveryPath' as const,
          line: 5,
          data: { resource: 'mysql pool connection', line: '7' },
          suggestions: [
            {
              messageId: 'releaseBeforeReturn' as const,
              output: `
const mysql = require('mysql');
const pool = mysql.createPool({ connectionLimit: 20 });
function handler(req, res) {
  pool.getConnection(function (err, connection) {
    if (err) return res.status(500).end();
    if (!req.params.id) { connection.release(); return res.status(400).end(); }
    connection.query('SELECT 1', function (queryError, rows) {
      connection.release();
      res.send(rows);
    });
  });
}
module.exports = { handler };`,
            },
          ],
        },
      ],
    },
  ],
});

/**
 * A connection the function opens itself and releases only in callbacks, where a Node-style callback
 * on the way leaves on its error first (`if (err) return done(err)`) without releasing it: a refused
 * command or a wrong password leaves the connection open. ssh2 is not installed here, so both modes
 * read its import; ldapjs is, with its types.
 */
const errorExits = {
  valid: [
    {
      name: 'ssh2: the error branch ends the connection before it returns',
      code: `
const { Client } = require('ssh2');
module.exports = function run(host, command, done) {
  const connection = new Client();
  connection.on('ready', () => {
    connection.exec(command, (err, stream) => {
      if (err) {
        connection.end();
        return done(err);
      }
      let output = '';
      stream.on('data', (chunk) => (output += chunk));
      stream.on('close', () => {
        connection.end();
        done(null, output);
      });
    });
  }).connect({ host, username: 'deploy' });
};`,
    },
  ],
  invalid: [
    {
      name: 'ssh2: a refused command returns before the connection is ended',
      code: `
const { Client } = require('ssh2');
module.exports = function run(host, command, done) {
  const connection = new Client();
  connection.on('ready', () => {
    connection.exec(command, (err, stream) => {
      if (err) return done(err);
      let output = '';
      stream.on('data', (chunk) => (output += chunk));
      stream.on('close', () => {
        connection.end();
        done(null, output);
      });
    });
  }).connect({ host, username: 'deploy' });
};`,
      errors: [{ messageId: 'notReleasedOnEveryPath' as const, line: 4, data: { resource: 'SSH client', line: '7' } }],
    },
  ],
};

typedRuleTester().run('require-close (releases only in callbacks past an error exit, typed)', rule, errorExits);
untypedRuleTester().run('require-close (releases only in callbacks past an error exit, untyped)', rule, errorExits);

typedRuleTester().run('require-close (an LDAP bind that fails returns before the unbind, typed)', rule, {
  valid: [],
  invalid: [
    {
      name: 'ldapjs: a wrong password returns before the client is unbound',
      code: `
import ldap from 'ldapjs';
export function authenticate(url: string, dn: string, password: string, done: (error: Error | null, ok?: boolean) => void): void {
  const client = ldap.createClient({ url });
  client.on('error', (error: Error) => done(error));
  client.bind(dn, password, (error) => {
    if (error) return done(error);
    client.unbind(() => done(null, true));
  });
}`,
      errors: [{ messageId: 'notReleasedOnEveryPath' as const, line: 4, data: { resource: 'LDAP client', line: '7' } }],
    },
  ],
});

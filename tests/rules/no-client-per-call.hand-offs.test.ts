import rule from '../../rules/no-client-per-call';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * What does and does not hand a client over: its own listeners and a React hook's dependency list
 * keep it with the function that made it; and the clients the registry knows by package (SSH, LDAP,
 * IMAP, postgres.js, Kysely, Supabase) in both modes. A `ws` WebSocket is a client by its declared
 * shape, with types only.
 */
const valid = [
  {
    name: 'a helper that reads a property of the client it is given and returns the client keeps nothing of ours to close: handed over',
    code: `
import { Pool } from 'pg';
function describe(pool: Pool) {
  console.log(pool.totalCount);
  return pool;
}
export async function handler(url: string) {
  const pool = new Pool({ connectionString: url });
  return describe(pool);
}`,
  },
  {
    name: 'an SSH connection a one-off command ends in its own close-of-stream listener, outside any hot path',
    code: `
const { Client } = require('ssh2');
exports.uptime = function (config, done) {
  const ssh = new Client();
  ssh.on('ready', () => ssh.exec('uptime', (err, stream) => stream.on('data', (data) => done(String(data))).on('close', () => ssh.end())));
  ssh.connect(config);
};`,
  },
  {
    name: 'a WebSocket a one-off fetch closes in its own message listener, outside any hot path',
    code: `
const WebSocket = require('ws');
exports.fetchSnapshot = function (url, onSnapshot) {
  const ws = new WebSocket(url);
  ws.on('message', (data) => {
    onSnapshot(JSON.parse(String(data)));
    ws.close();
  });
};`,
  },
  {
    name: 'a React component that creates its client once, in a state initialiser',
    code: `
import { useEffect, useState } from 'react';
import { createClient } from '@supabase/supabase-js';
export function Chat({ room }: { room: string }) {
  const [supabase] = useState(() => createClient('https://x.supabase.co', 'anon'));
  useEffect(() => {
    const channel = supabase.channel(room).subscribe();
    return () => {
      supabase.removeChannel(channel);
    };
  }, [room, supabase]);
  return null;
}`,
  },
  {
    name: 'an LDAP login that unbinds its client whichever way it leaves, outside any hot path',
    code: `
const { Client } = require('ldapts');
exports.login = async function (url, dn, password) {
  const client = new Client({ url });
  try {
    await client.bind(dn, password);
    return true;
  } finally {
    await client.unbind();
  }
};`,
  },
  {
    name: 'a Kysely instance made once for the process (a lazy singleton over postgres.js)',
    code: `
import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
let db: Kysely<unknown> | undefined;
export function getDb() {
  return (db ??= new Kysely<unknown>({ dialect: new PostgresJSDialect({ postgres: postgres(process.env.DATABASE_URL!) }) }));
}`,
  },
];

const invalid = [
  {
    name: 'a service method that hands its pool to a private helper that checks a property of it and ends it: opened and closed per call',
    code: `
import { Pool } from 'pg';
export class ReportService {
  async run(sql: string) {
    const pool = new Pool({ connectionString: process.env.DATABASE_URL });
    return this.execute(pool, sql);
  }
  private async execute(pool: Pool, sql: string) {
    try {
      return (await pool.query(sql)).rows;
    } finally {
      if (!pool.ended) await pool.end();
    }
  }
}`,
    errors: [{ messageId: 'closedPerCall' as const, line: 5 }],
  },
  {
    name: 'a React component that makes a client on every render and lists it in an effect’s dependencies',
    code: `
import { useEffect } from 'react';
import { createClient } from '@supabase/supabase-js';
export function Chat({ room }: { room: string }) {
  const supabase = createClient('https://x.supabase.co', 'anon');
  useEffect(() => {
    const channel = supabase.channel(room).subscribe();
    return () => {
      supabase.removeChannel(channel);
    };
  }, [room, supabase]);
  return null;
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 5 }],
  },
  {
    name: 'an SSH connection per forwarded TCP connection whose ready listener forwards through it, never ended',
    code: `
const net = require('net');
const { Client } = require('ssh2');
exports.tunnel = function (config) {
  return net.createServer((socket) => {
    const ssh = new Client();
    ssh.on('ready', () => ssh.forwardOut('127.0.0.1', 0, config.dstHost, config.dstPort, (err, stream) => socket.pipe(stream).pipe(socket)));
    ssh.connect(config);
  });
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 6 }],
  },
  {
    name: 'an LDAP client bound by a local factory on every login and never unbound',
    code: `
const ldapts = require('ldapts');
async function bindAs(url, dn, password) {
  const client = new ldapts.Client({ url });
  await client.bind(dn, password);
  return client;
}
exports.login = async function (url, dn, password) {
  const client = await bindAs(url, dn, password);
  const { searchEntries } = await client.search('ou=users', { filter: '(uid=me)' });
  return searchEntries.length > 0;
};`,
    errors: [{ messageId: 'neverClosed' as const, line: 9 }],
  },
  {
    name: 'an IMAP session opened for every request and never logged out',
    code: `
const { ImapFlow } = require('imapflow');
const express = require('express');
const app = express();
app.get('/inbox', async (req, res) => {
  const client = new ImapFlow({ host: 'imap.example.com', port: 993, secure: true, auth: req.user.imap });
  await client.connect();
  res.json(await client.status('INBOX', { messages: true }));
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 6 }],
  },
  {
    name: 'a Kysely instance over a new postgres.js pool for every page render, never destroyed',
    code: `
import { Kysely } from 'kysely';
import { PostgresJSDialect } from 'kysely-postgres-js';
import postgres from 'postgres';
const createDb = () => new Kysely<any>({ dialect: new PostgresJSDialect({ postgres: postgres(process.env.DATABASE_URL!) }) });
export default async function Page({ id }: { id: string }) {
  const db = createDb();
  return db.selectFrom('items').selectAll().where('id', '=', id).execute();
}`,
    errors: [{ messageId: 'neverClosed' as const, line: 7 }],
  },
];

/** `ws` clients are known by their declared shape: with types. */
const typedInvalid = [
  {
    name: 'a WebSocket client per request whose open listener sends with it, never closed',
    code: `
import WebSocket from 'ws';
import express from 'express';
const app = express();
app.post('/notify', (req, res) => {
  const ws = new WebSocket('ws://upstream:8080');
  ws.on('open', () => ws.send(JSON.stringify(req.body)));
  res.sendStatus(202);
});`,
    errors: [{ messageId: 'neverClosed' as const, line: 6 }],
  },
];

typedRuleTester().run('no-client-per-call hand-offs (typed)', rule, { valid, invalid: [...invalid, ...typedInvalid] });
untypedRuleTester().run('no-client-per-call hand-offs (untyped)', rule, { valid, invalid });

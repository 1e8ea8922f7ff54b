import { describe, expect, it } from 'vitest';
import { lintWithEspree } from './espree-linter';

const lint = (code: string, filename: string) => lintWithEspree('require-close', code, filename);

describe('require-close with espree', () => {
  it('reports a descriptor leaked by an early return in CommonJS', () => {
    const messages = lint(
      `
const fs = require('fs');
function lastLine(path) {
  const fd = fs.openSync(path, 'r');
  const stat = fs.fstatSync(fd);
  if (stat.size === 0) return '';
  fs.closeSync(fd);
  return 'x';
}
module.exports = { lastLine };`,
      'tail.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([['notReleasedOnEveryPath', 4]]);
    expect(messages[0].suggestions).toHaveLength(1);
  });

  it('follows pool connections handed between helpers of a CommonJS file', () => {
    const messages = lint(
      `
const mysql = require('mysql2/promise');
const pool = mysql.createPool({ host: 'db' });
async function openDb() {
  const conn = await pool.getConnection();
  await conn.query('SET NAMES utf8');
  return { conn, done: () => conn.release() };
}
async function finish(conn) {
  await conn.query('COMMIT');
  conn.release();
}
exports.find = async function find(id) {
  const { conn, done } = await openDb();
  const [rows] = await conn.query('SELECT * FROM t WHERE id = ?', [id]);
  done();
  return rows;
};
exports.commit = async function commit() {
  const conn = await pool.getConnection();
  await finish(conn);
};`,
      'db.cjs',
    );
    expect(messages.map((message) => [message.messageId, message.line])).toEqual([
      ['handedOverOnlyOnSuccess', 5],
      ['releasedOnlyOnSuccess', 9],
      ['releasedOnlyOnSuccess', 14],
    ]);
  });

  it('reports a file handle closed only on success in an ES module', () => {
    const messages = lint(
      `import { open } from 'node:fs/promises';
export async function load(p) {
  const fh = await open(p);
  const text = await fh.readFile('utf8');
  await fh.close();
  return JSON.parse(text);
}`,
      'load.mjs',
    );
    expect(messages.map((message) => message.messageId)).toEqual(['releasedOnlyOnSuccess']);
  });

  it('stays quiet on the try/finally version', () => {
    const messages = lint(
      `import { open } from 'node:fs/promises';
export async function load(p) {
  const fh = await open(p);
  try {
    return JSON.parse(await fh.readFile('utf8'));
  } finally {
    await fh.close();
  }
}`,
      'load.js',
    );
    expect(messages).toEqual([]);
  });
});

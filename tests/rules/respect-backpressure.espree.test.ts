import { describe, expect, it } from 'vitest';
import { lintWithEspree } from './espree-linter';

const lint = (code: string, filename: string) => lintWithEspree('respect-backpressure', code, filename).map((message) => [message.messageId, message.line]);

describe('respect-backpressure with espree', () => {
  it('reports a CommonJS express export loop and offers a pipeline with require()', () => {
    const code = `
const express = require('express');
const app = express();
app.get('/export', (req, res) => {
  for (const row of req.app.locals.rows) {
    res.write(JSON.stringify(row) + '\\n');
  }
  res.end();
});
`;
    const [message] = lintWithEspree('respect-backpressure', code, 'export.cjs');
    expect([message?.messageId, message?.line]).toEqual(['ignoredInLoop', 6]);
    const fix = message.suggestions![0].fix;
    const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    expect(output).toContain("const { pipeline } = require('node:stream');");
    expect(output).toContain('yield JSON.stringify(row)');
    expect(lint(output, 'export.cjs')).toEqual([]);
  });

  it('adds the drainOrClose helper without type annotations in JavaScript', () => {
    const code = `
import { createWriteStream } from 'node:fs';
export async function save(chunks) {
  const file = createWriteStream('/tmp/out');
  for await (const chunk of chunks) file.write(chunk);
  file.end();
}
`;
    const [message] = lintWithEspree('respect-backpressure', code, 'save.mjs');
    expect(message?.messageId).toBe('ignoredInLoop');
    const fix = message.suggestions![0].fix;
    const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    expect(output).toContain('if (!file.write(chunk)) await drainOrClose(file);');
    expect(output).toContain('function drainOrClose(stream) {');
    expect(lint(output, 'save.mjs')).toEqual([]);
  });

  it('reports a (req, res) handler declared apart and handed to the server by name', () => {
    expect(
      lint(
        `
import http from 'node:http';
export async function exportRows(req, res) {
  for await (const row of req.app.rows()) res.write(row);
  res.end();
}
http.createServer(exportRows).listen(8080);`,
        'export.mjs',
      ),
    ).toEqual([['ignoredInLoop', 4]]);
  });

  it('stays quiet on a write method of a parameter nothing says is a stream', () => {
    expect(lint(`export function log(logger, lines) { for (const line of lines) logger.write(line); }`, 'log.mjs')).toEqual([]);
  });
});

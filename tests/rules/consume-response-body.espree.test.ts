import { describe, expect, it } from 'vitest';
import { lintWithEspree } from './espree-linter';

const lint = (code: string, filename: string) => lintWithEspree('consume-response-body', code, filename).map((message) => [message.messageId, message.line]);

describe('consume-response-body with espree', () => {
  it('reports node-fetch required in CommonJS whose error path throws unread, and the suggestion silences it', () => {
    const code = `
const fetch = require('node-fetch');
module.exports = async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error('HTTP ' + res.status);
  return res.json();
};
`;
    const [message] = lintWithEspree('consume-response-body', code, 'get-json.cjs');
    expect([message?.messageId, message?.line]).toEqual(['unreadOnExit', 5]);
    const fix = message.suggestions![0].fix;
    const output = code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1]);
    expect(output).toContain('if (!res.ok) { await res.body?.cancel(); throw');
    expect(lint(output, 'get-json.cjs')).toEqual([]);
  });

  it('reports undici request through a namespace import', () => {
    expect(
      lint(
        `
import * as undici from 'undici';
export async function status(url) {
  const res = await undici.request(url);
  return res.statusCode;
}`,
        'status.mjs',
      ),
    ).toEqual([['neverRead', 4]]);
  });

  it('stays quiet on a request function that is not undici’s', () => {
    expect(lint(`import { request } from './http.js';\nexport async function s(u) { const r = await request(u); return r.statusCode; }`, 'local.mjs')).toEqual([]);
  });
});

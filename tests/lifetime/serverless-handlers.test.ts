import { parse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';
import { linkAndIndex } from '../../src/ast/node-index';
import { executionOf } from '../../src/lifetime/execution';
import { describeRole } from '../../src/lifetime/execution-role';
import { siteCall } from './site-call';

function executionAtSite(code: string) {
  const ast = parse(code, { range: true, loc: true });
  linkAndIndex(ast);
  const execution = executionOf(siteCall(ast));
  return execution.kind === 'repeated' ? { kind: 'repeated' } : { kind: execution.kind, why: describeRole(execution.role) };
}

describe('serverless handlers', () => {
  it.each([
    ['exports.handler = async (event, context) => { site(); };'],
    ['module.exports.handler = async function (event) { site(); };'],
    ['export const handler = async (event) => { site(); };'],
    ['export async function handler(event) { site(); }'],
  ])('the exported `handler` a platform invokes per event runs per event: %s', (code) => {
    expect(executionAtSite(code)).toEqual({ kind: 'hot', why: "a serverless function's `handler`" });
  });

  it.each([
    ['function handler(event) { site(); } module.exports = { run: handler };'],
    ['exports.process = async (event) => { site(); };'],
    ['const handler = (event) => { site(); };'],
  ])('a function merely named `handler`, or exported under another name, is not one: %s', (code) => {
    expect(executionAtSite(code)).toEqual({ kind: 'repeated' });
  });
});

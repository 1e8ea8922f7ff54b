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

describe('exports a platform or framework invokes per event or request', () => {
  it.each([
    ['exports.handler = async (event, context) => { site(); };'],
    ['module.exports.handler = async function (event) { site(); };'],
    ['export const handler = async (event) => { site(); };'],
    ['export async function handler(event) { site(); }'],
  ])('a serverless function’s exported `handler` runs per event: %s', (code) => {
    expect(executionAtSite(code)).toEqual({ kind: 'hot', why: "a serverless function's `handler`" });
  });

  it.each([
    ['export async function GET(request) { site(); }', 'the `GET` route handler'],
    ['export const POST = async (request) => { site(); };', 'the `POST` route handler'],
    ['export async function loader({ params }) { site(); }', 'the `loader` data function (run per request)'],
    ['export async function getServerSideProps(context) { site(); }', 'the `getServerSideProps` data function (run per request)'],
  ])('a route handler or data function named by its framework’s convention runs per request: %s', (code, why) => {
    expect(executionAtSite(code)).toEqual({ kind: 'hot', why });
  });

  it.each([
    ['function handler(event) { site(); } module.exports = { run: handler };'],
    ['exports.process = async (event) => { site(); };'],
    ['const handler = (event) => { site(); };'],
    ['export function get(key) { site(); }'],
  ])('a function merely named so, or exported under another name, is not one: %s', (code) => {
    expect(executionAtSite(code)).toEqual({ kind: 'repeated' });
  });
});

import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { createOracle } from '../../src/analysis/create-oracle';
import { linkAndIndex } from '../../src/ast/node-index';
import { walk } from '../../src/ast/traverse';
import { parseSource } from '../../src/codemod/parse-source';
import { executionOf, isLazyInitGuard } from '../../src/lifetime/execution';
import { describeRole } from '../../src/lifetime/execution-role';
import { resolveRegistry } from '../../src/registry/settings';
import { createTypedProject } from '../typed-project';
import { siteCall } from './site-call';

/** The execution of the `site()` call in `code`. */
function executionAtSite(code: string) {
  const ast = parse(code, { range: true, loc: true });
  linkAndIndex(ast);
  return summary(executionOf(siteCall(ast)));
}

/** The frequency, and the role in a report's words (what the old prose `why` said). */
function summary(execution: ReturnType<typeof executionOf>) {
  return execution.kind === 'repeated' ? { kind: 'repeated' } : { kind: execution.kind, why: describeRole(execution.role) };
}

/** The execution of the `site()` call with an oracle: typed inside `program`, untyped without one. */
function executionWithOracle(code: string, file: string, program?: ts.Program) {
  const parsed = parseSource(code, file, program);
  const oracle = createOracle(parsed.ast, parsed.scopeManager, resolveRegistry(undefined), parsed.services);
  expect(oracle.typed).toBe(program !== undefined);
  return summary(executionOf(siteCall(parsed.ast), oracle));
}

function firstAssignment(code: string): TSESTree.AssignmentExpression {
  const ast = parse(code, { range: true, loc: true });
  linkAndIndex(ast);
  let found: TSESTree.AssignmentExpression | undefined;
  walk(ast, (node) => {
    if (!found && node.type === AST_NODE_TYPES.AssignmentExpression) found = node;
  });
  return found!;
}

describe('executionOf', () => {
  it('says module top level runs once', () => {
    expect(executionAtSite('site();')).toEqual({ kind: 'once', why: 'module top level' });
  });

  it('says main and a module-level IIFE run once', () => {
    expect(executionAtSite('async function main() { site(); }')).toEqual({ kind: 'once', why: '`main`' });
    expect(executionAtSite('(async () => { site(); })();')).toEqual({ kind: 'once', why: 'a module-level IIFE' });
  });

  it('says a (req, res) function another function returns is a request handler, without types', () => {
    expect(executionAtSite('function responder(sql) { return function (req, res) { site(); }; }')).toEqual({ kind: 'hot', why: 'a request handler (returned by `responder`)' });
    expect(executionAtSite('const requireRole = (role) => (req, res, next) => { site(); };')).toEqual({ kind: 'hot', why: 'a request handler (returned by `requireRole`)' });
    expect(executionAtSite('function plugin() { return async (request, reply) => { site(); }; }')).toEqual({ kind: 'hot', why: 'a request handler (returned by `plugin`)' });
    // A returned function with other parameters says nothing.
    expect(executionAtSite('function make() { return (a, b) => { site(); }; }')).toEqual({ kind: 'repeated' });
  });

  it('says a function with the request signature is a request handler wherever it is declared, without types', () => {
    // Controllers registered in another module: `router.get('/all', db.getTables)`.
    expect(executionAtSite('db.getTables = (req, res, next) => { site(); };')).toEqual({ kind: 'hot', why: 'a request handler' });
    expect(executionAtSite('export async function list(req, res) { site(); }')).toEqual({ kind: 'hot', why: 'the request handler `list`' });
    expect(executionAtSite("module.exports = [{ path: '/x', handler: function (request, h) { site(); } }];")).toEqual({ kind: 'hot', why: 'the request handler `handler`' });
    // Other pairs of names, and node's HTTP client callback, are not that signature.
    expect(executionAtSite('function compare(a, b) { site(); }')).toEqual({ kind: 'repeated' });
    expect(executionAtSite('load((err, res) => { site(); });')).toEqual({ kind: 'repeated' });
    expect(executionAtSite("import https from 'node:https'; https.get(url, (res) => { site(); });")).toEqual({ kind: 'repeated' });
  });

  it('says a function given its request in a context object is a request handler', () => {
    expect(executionAtSite('export async function find({ request, connection }) { site(); }')).toEqual({ kind: 'hot', why: 'a request handler (given `{ request }`)' });
    expect(executionAtSite('async function props({ req, res }) { site(); }')).toEqual({ kind: 'hot', why: 'a request handler (given `{ req }`)' });
    expect(executionAtSite('async function build({ url, headers }) { site(); }')).toEqual({ kind: 'repeated' });
  });

  it('says a route handler, a consumer callback, a listener and a timer callback are hot', () => {
    expect(executionAtSite("app.get('/x', (req, res) => { site(); });")).toEqual({ kind: 'hot', why: 'a route handler' });
    expect(executionAtSite('consumer.run({ eachMessage: async () => { site(); } });')).toEqual({ kind: 'hot', why: "a consumer's `eachMessage`" });
    expect(executionAtSite("socket.on('message', () => { site(); });")).toEqual({ kind: 'hot', why: 'a `message` listener' });
    expect(executionAtSite('setInterval(() => { site(); }, 1000);')).toEqual({ kind: 'hot', why: 'a `setInterval` callback' });
    expect(executionAtSite('http.createServer((req, res) => { site(); });')).toEqual({ kind: 'hot', why: 'a server request handler' });
    expect(executionAtSite('server.addService(def, { sayHello: (call, cb) => { site(); } });')).toEqual({ kind: 'hot', why: 'a gRPC service method' });
  });

  it('says a loop body is hot but its header runs once per entry', () => {
    expect(executionAtSite('for (const x of xs) { site(); }')).toEqual({ kind: 'hot', why: 'a loop body' });
    expect(executionAtSite('for (const x of site()) { go(x); }')).toEqual({ kind: 'once', why: 'module top level' });
  });

  it('says any other function runs repeatedly, not hot', () => {
    expect(executionAtSite('export function charge() { site(); }')).toEqual({ kind: 'repeated' });
    expect(executionAtSite('class A { m() { site(); } }')).toEqual({ kind: 'repeated' });
  });

  it('says a static field initialiser and a static block run once', () => {
    expect(executionAtSite('class A { static x = site(); }')).toEqual({ kind: 'once', why: 'a static field initialiser' });
    expect(executionAtSite('class A { static { site(); } }')).toEqual({ kind: 'once', why: 'a static block' });
  });
});

/** Handlers declared apart from where they are registered: only their parameter types say they are handlers. */
const handlers = {
  expressByName: `
import express, { type Request, type Response } from 'express';
const app = express();
function listUsers(req: Request, res: Response) {
  site();
  res.end();
}
app.get('/users', listUsers);
declare function site(): void;`,
  nodeHttpQualified: `
import http from 'node:http';
export function onRequest(req: http.IncomingMessage, res: http.ServerResponse) {
  site();
  res.end(req.url);
}
declare function site(): void;`,
  grpcStreamAlias: `
import * as grpc from '@grpc/grpc-js';
export function upload(call: grpc.ServerReadableStream<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) {
  site();
  callback(null, {});
  return call;
}
declare function site(): void;`,
  controllerMethod: `
import type { Request, Response } from 'express';
export class UsersController {
  async list({ query }: Request, res: Response) {
    site();
    res.json(query);
  }
}
declare function site(): void;`,
  fetchRequest: `
export async function handle(req: Request) {
  site();
  return req.url;
}
declare function site(): void;`,
  contextuallyTyped: `
import type { RequestHandler } from 'express';
export const listUsers: RequestHandler = (req, res) => {
  site();
  res.end();
};
declare function site(): void;`,
  extendedRequest: `
import type { Request } from 'express';
interface TenantRequest extends Request {
  tenant: string;
}
export function listTenants(req: TenantRequest) {
  site();
  return req.tenant;
}
declare function site(): void;`,
} as const;

describe('executionOf with a type oracle: handlers by parameter type', () => {
  const project = createTypedProject('lifetime');
  const files = Object.fromEntries(Object.entries(handlers).map(([name, code]) => [name, project.writeSource(`${name}.ts`, code)])) as Record<
    keyof typeof handlers,
    string
  >;
  const config = ts.getParsedCommandLineOfConfigFile(project.tsconfigPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(config.fileNames, config.options);
  afterAll(() => project.remove());

  const both = (name: keyof typeof handlers) => ({
    typed: executionWithOracle(handlers[name], files[name], program),
    untyped: executionWithOracle(handlers[name], files[name]),
  });

  it('says an express handler passed by name is hot, typed and untyped', () => {
    const expected = { kind: 'hot', why: 'a request handler (`req: Request`)' };
    expect(both('expressByName')).toEqual({ typed: expected, untyped: expected });
  });

  it('says a node:http handler annotated through the namespace import is hot', () => {
    const expected = { kind: 'hot', why: 'a request handler (`req: IncomingMessage`)' };
    expect(both('nodeHttpQualified')).toEqual({ typed: expected, untyped: expected });
  });

  it('says a grpc-js streaming implementation is hot, though its call type is an alias of an intersection', () => {
    const expected = { kind: 'hot', why: 'a request handler (`call: ServerReadableStream`)' };
    expect(both('grpcStreamAlias')).toEqual({ typed: expected, untyped: expected });
  });

  it('says a controller method with a destructured request is hot', () => {
    const expected = { kind: 'hot', why: 'a request handler (`Request`)' };
    expect(both('controllerMethod')).toEqual({ typed: expected, untyped: expected });
  });

  it("does not take fetch's global Request for a server request", () => {
    expect(both('fetchRequest')).toEqual({ typed: { kind: 'repeated' }, untyped: { kind: 'repeated' } });
  });

  it('sees contextually typed parameters and subtypes of a request only with types; untyped, the (req, res) signature', () => {
    expect(both('contextuallyTyped')).toEqual({ typed: { kind: 'hot', why: 'a request handler (`req: Request`)' }, untyped: { kind: 'hot', why: 'the request handler `listUsers`' } });
    expect(both('extendedRequest')).toEqual({ typed: { kind: 'hot', why: 'a request handler (`req: Request`)' }, untyped: { kind: 'repeated' } });
  });

  it('reads only the signature without an oracle', () => {
    const parsed = parseSource(handlers.expressByName, files.expressByName);
    expect(summary(executionOf(siteCall(parsed.ast)))).toEqual({ kind: 'hot', why: 'the request handler `listUsers`' });
  });
});

describe('isLazyInitGuard', () => {
  it('recognises ??=, ||= and an if (!x) / if (x === undefined) guard', () => {
    expect(isLazyInitGuard(firstAssignment('client ??= make();'))).toBe(true);
    expect(isLazyInitGuard(firstAssignment('client ||= make();'))).toBe(true);
    expect(isLazyInitGuard(firstAssignment('if (!this.client) this.client = make();'))).toBe(true);
    expect(isLazyInitGuard(firstAssignment('if (client === undefined) { client = make(); }'))).toBe(true);
  });

  it('does not take a plain or unguarded assignment for one', () => {
    expect(isLazyInitGuard(firstAssignment('client = make();'))).toBe(false);
    expect(isLazyInitGuard(firstAssignment('if (!other) client = make();'))).toBe(false);
  });
});

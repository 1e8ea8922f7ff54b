import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { ensureParents, walk, type Node } from '../../src/ast/traverse';
import { executionOf, isLazyInitGuard } from '../../src/lifetime/execution';

/** The execution of the `site()` call in `code`. */
function executionAtSite(code: string) {
  const ast = parse(code, { range: true, loc: true });
  ensureParents(ast);
  let site: Node | undefined;
  walk(ast, (node) => {
    if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'site') site = node;
  });
  if (!site) throw new Error('no site() call');
  const execution = executionOf(site);
  return execution.kind === 'repeated' ? { kind: 'repeated' } : { kind: execution.kind, why: execution.why };
}

function firstAssignment(code: string): TSESTree.AssignmentExpression {
  const ast = parse(code, { range: true, loc: true });
  ensureParents(ast);
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

import rule from '../../rules/no-unbounded-cache';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

/**
 * Memoisers applied at module load keep their own cache for the life of the module: judged by the
 * package the memoiser comes from (import or require) and by what each call passes as the key.
 */
const valid = [
  {
    name: 'a memo keyed by names the callers pass (a lookup of a finite domain) is not judged',
    code: `
import memoize from 'lodash/memoize';
const grammarFor = memoize((language: string) => language.toUpperCase());
export function highlight(language: string, source: string): string {
  return grammarFor(language) + source;
}`,
  },
  {
    name: 'a lodash memo whose resolver builds a stable key',
    code: `
import memoize from 'lodash/memoize';
const resolve = memoize(
  (context: { project: string; env: string }) => context.project + context.env,
  (context: { project: string; env: string }) => context.project + '/' + context.env,
);
export function resolveFor(project: string, env: string): string {
  return resolve({ project, env });
}`,
  },
  {
    name: 'a memo whose cache is replaced by a bounded one',
    code: `
import memoize from 'lodash/memoize';
import { LRUCache } from 'lru-cache';
const resolve = memoize((context: { project: string }) => context.project);
resolve.cache = new LRUCache({ max: 100 });
export function resolveFor(project: string): string {
  return resolve({ project });
}`,
  },
  {
    name: 'memoizee with a maxAge expires entries on timers',
    code: `
import memoizee from 'memoizee';
export const getRoles = memoizee(async (userId: string) => [userId], { maxAge: 10_000 });`,
  },
  {
    name: 'mem with a cache of its own',
    code: `
import mem from 'mem';
import { LRUCache } from 'lru-cache';
export const getRoles = mem(async (userId: string) => [userId], { maxAge: 10_000, cache: new LRUCache({ max: 1000 }) });`,
  },
  {
    name: 'a memoiser applied inside a function lives with that call',
    code: `
import memoize from 'lodash/memoize';
export function render(items: Array<{ id: string }>): string[] {
  const label = memoize((item: { id: string }) => item.id);
  return items.map((item) => label({ id: item.id }));
}`,
  },
  {
    name: 'a memo made by a helper called per request dies with the call',
    code: `
import memoize from 'lodash/memoize';
function cachedLookup(load: (id: string) => Promise<string>) {
  const lookup = memoize(load);
  return (id: string) => lookup(id);
}
export function handle(req: { params: { id: string } }) {
  return cachedLookup(async (id) => 'row ' + id)(req.params.id);
}`,
  },
];

const invalid = [
  {
    name: 'a lodash memo keyed by an object made on every call never hits and gains an entry per call',
    code: `
import memoize from 'lodash/memoize';
const resolve = memoize((context: { project: string; env: string }) => context.project + context.env);
export function resolveFor(project: string, env: string): string {
  return resolve({ project, env });
}`,
    errors: [{ messageId: 'unboundedMemo' as const, line: 3 }],
  },
  {
    name: "mem's maxAge is checked only on reads: every user asked for once stays",
    code: `
import mem from 'mem';
export const getRoles = mem(async (userId: string) => [userId], { maxAge: 10_000 });
export async function isStaff(userId: string): Promise<boolean> {
  return (await getRoles(userId)).includes('staff');
}`,
    errors: [{ messageId: 'unboundedMemo' as const, line: 3 }],
  },
  {
    name: '_.memoize keyed by request data',
    code: `
import _ from 'lodash';
import express from 'express';
const render = _.memoize((path: string) => '<h1>' + path + '</h1>');
const app = express();
app.get('/page', (req, res) => {
  res.send(render(req.path));
});`,
    errors: [{ messageId: 'unboundedMemo' as const, line: 4 }],
  },
  {
    name: 'a memo made by a helper that runs only at load lives as long as the module: keyed by request data',
    code: `
import memoize from 'lodash/memoize';
function cachedLookup(load: (id: string) => Promise<string>) {
  const lookup = memoize(load);
  return (req: { params: { id: string } }, res: { send(body: string): void }) => lookup(req.params.id).then((row) => res.send(row));
}
export const showRow = cachedLookup(async (id) => 'row ' + id);`,
    errors: [{ messageId: 'unboundedMemo' as const, line: 4 }],
  },
];

typedRuleTester().run('no-unbounded-cache (memoisers, typed)', rule, { valid, invalid });
untypedRuleTester().run('no-unbounded-cache (memoisers, untyped)', rule, { valid, invalid });

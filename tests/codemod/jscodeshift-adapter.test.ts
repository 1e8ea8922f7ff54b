import fs from 'node:fs';
import path from 'node:path';
import jscodeshift, { type API, type FileInfo, type Options } from 'jscodeshift';
import { describe, expect, it, vi } from 'vitest';
import boundedCache from '../../codemods/bounded-cache';
import { codemodOptions } from '../../src/codemod/jscodeshift-adapter';
import { boundedCache as boundedCacheDescriptor } from '../../src/codemods/bounded-cache';
import { singletonClient } from '../../src/codemods/singleton-client';
import { tryFinallyClose } from '../../src/codemods/try-finally-close';

const fixtures = path.resolve(__dirname, '../codemods/bounded-cache');
const input = fs.readFileSync(path.join(fixtures, 'map-in-route-handler.input.ts'), 'utf8');
const expected = fs.readFileSync(path.join(fixtures, 'map-in-route-handler.output.ts'), 'utf8');

/** What jscodeshift hands a transform; the adapter parses the file itself, so only `report` is used. */
function fakeApi() {
  const j = jscodeshift.withParser('ts');
  return { jscodeshift: j, j, stats: vi.fn<API['stats']>(), report: vi.fn<API['report']>() } satisfies API;
}

// Untyped: the fixture needs no TypeScript program, and the test no second of building one.
function transform(options: Options, file: FileInfo = { path: path.join(fixtures, 'users.ts'), source: input }): string | null | undefined | void {
  return boundedCache(file, fakeApi(), { typed: false, ...options }) as string | null | undefined | void;
}

describe('the jscodeshift transform of bounded-cache', () => {
  it('bounds the cache with --max, whether jscodeshift passes it as a number or a string', () => {
    const withFive = expected.replace('{ max: 1000 }', '{ max: 5 }');
    expect(transform({ max: 5 })).toBe(withFive);
    expect(transform({ max: '5' })).toBe(withFive);
    expect(transform({})).toBe(expected);
  });

  it('adds --ttl next to max', () => {
    expect(transform({ max: 5, ttl: 60000 })).toBe(expected.replace('{ max: 1000 }', '{ max: 5, ttl: 60000 }'));
  });

  it('throws on a bound it cannot honour rather than dropping it', () => {
    expect(() => transform({ max: 0 })).toThrow('--max 0: expected a positive whole number');
    expect(() => transform({ max: 2.5 })).toThrow('--max 2.5: expected a positive whole number');
    expect(() => transform({ ttl: true })).toThrow('--ttl true: expected a positive whole number');
    expect(() => transform({ ttl: 'soon' })).toThrow('--ttl soon: expected a positive whole number');
  });

  it('reports nothing when it fixed everything, and returns nothing for a declaration file', () => {
    const api = fakeApi();
    expect(boundedCache({ path: path.join(fixtures, 'users.ts'), source: input }, api, { typed: false, max: 5 })).toContain('{ max: 5 }');
    expect(api.report).not.toHaveBeenCalled();
    expect(transform({ max: 5 }, { path: 'types.d.ts', source: 'export declare const users: Map<string, string>;\n' })).toBeUndefined();
  });
});

describe('codemodOptions', () => {
  it("forwards the codemod's own options, validated, and none of jscodeshift's or another codemod's", () => {
    const flags = { style: 'using', max: 10, ttl: '250', parser: 'tsx', dry: true };
    expect(codemodOptions(boundedCacheDescriptor, flags)).toEqual({ max: 10, ttl: 250 });
    expect(codemodOptions(tryFinallyClose, flags)).toEqual({ style: 'using' });
    expect(codemodOptions(tryFinallyClose, { style: 'try-finally' })).toEqual({ style: 'try-finally' });
    expect(codemodOptions(singletonClient, flags)).toEqual({});
    expect(() => codemodOptions(tryFinallyClose, { style: 'defer' })).toThrow('--style defer: use try-finally or using');
  });
});

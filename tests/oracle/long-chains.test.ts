import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/plugin';

// @grpc/proto-loader's CLI builds its options as one long yargs chain. The untyped oracle asked for
// every link both as an acquisition and as a receiver, doubling the work per link: the lint of that
// file never returned. Memoised, it takes milliseconds. The real file (installed with @grpc/grpc-js's
// tooling) is the regression case: a shortened synthetic chain did not reproduce it.
const cliFile = path.join(path.dirname(require.resolve('@grpc/proto-loader/package.json')), 'build', 'bin', 'proto-loader-gen-types.js');

describe("@grpc/proto-loader's CLI, untyped", () => {
  it('is linted by every rule in well under a few seconds', () => {
    const source = readFileSync(cliFile, 'utf8');
    const rules = Object.fromEntries(Object.keys(plugin.rules).map((name) => [`leakguard/${name}`, 'error' as const]));
    const started = performance.now();
    const messages = new Linter().verify(source, [{ plugins: { leakguard: plugin }, rules, languageOptions: { sourceType: 'commonjs' } }], { filename: 'cli.js' });
    expect(messages.filter((message) => message.fatal)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  }, 15_000);
});

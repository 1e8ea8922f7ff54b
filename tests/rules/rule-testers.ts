import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, inject, it } from 'vitest';

// RuleTester's only afterAll hook is `parser.clearCaches()`, at the end of each test file: it drops
// typescript-eslint's watch program of tests/fixtures/typed, and the next file's first typed case
// builds it again from scratch (lib, DOM, @types/node and the packages parsed and bound anew: 1-2 s
// of CPU per file, twice over ~50 files with the eslint9 project). The files of a worker share one
// module graph (isolate: false), so they can share that program as the cases of one file do: each
// case still gets a program (and checker) of its own text. The watch program holds no file handles
// here (typescript-eslint records its watch callbacks, it opens no watchers), which is what the hook
// guards against.
RuleTester.afterAll = () => undefined;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A tsconfig with the real packages' types (@types/node, @types/pg, mysql2): typed cases lint `file.ts` in it. */
export const typedFixtureDirectory = path.join(__dirname, '..', 'fixtures', 'typed');

/**
 * Under ESLint 9 (vitest project `eslint9`) the typed cases run as a sample, every
 * `TYPED_SAMPLE_UNDER_ESLINT9`th valid and invalid case: what differs between ESLint majors is the
 * linter and RuleTester around our rules, which the untyped cases (all of them) and the sample cover;
 * the checker's answers do not depend on ESLint's version. Keeps `npm test` within its time budget.
 */
const TYPED_SAMPLE_UNDER_ESLINT9 = 16;

export function typedRuleTester(): RuleTester {
  const tester = new RuleTester({
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedFixtureDirectory },
    },
    defaultFilenames: { ts: 'file.ts', tsx: 'react.tsx' },
  });
  if (inject('eslintMajor') !== 9) return tester;
  const run = tester.run.bind(tester);
  const sample = <T>(cases: readonly T[]): T[] => cases.filter((_, index) => index % TYPED_SAMPLE_UNDER_ESLINT9 === 0);
  tester.run = (name, rule, tests) => run(name, rule, { ...tests, valid: sample(tests.valid), invalid: sample(tests.invalid) });
  return tester;
}

/** No type information: what `recommended` sees in a pre-commit hook. */
export function untypedRuleTester(): RuleTester {
  return new RuleTester();
}

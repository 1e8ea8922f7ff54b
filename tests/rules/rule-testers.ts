import path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A tsconfig with the real packages' types (@types/node, @types/pg, mysql2): typed cases lint `file.ts` in it. */
export const typedFixtureDirectory = path.join(__dirname, '..', 'fixtures', 'typed');

export function typedRuleTester(): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { project: './tsconfig.json', tsconfigRootDir: typedFixtureDirectory },
    },
    defaultFilenames: { ts: 'file.ts', tsx: 'react.tsx' },
  });
}

/** No type information: what `recommended` sees in a pre-commit hook. */
export function untypedRuleTester(): RuleTester {
  return new RuleTester();
}

/**
 * The rule tests run twice, in the vitest projects `eslint10` (the root's ESLint) and `eslint9`
 * (tests/eslint9's, see vitest.config.mts). A setup that quietly ran ESLint 10 twice would look just
 * as green, so this file asks the very modules the other tests in this folder use which ESLint they
 * got: the `eslint` the test files import (espree-linter.ts, the real-world test), the one
 * @typescript-eslint/rule-tester and its Linter (@typescript-eslint/utils/ts-eslint) require, and
 * the class of the SourceCode a probe rule receives from the typed and the untyped RuleTester.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import * as eslint from 'eslint';
import { describe, expect, inject, it } from 'vitest';
import { repoRoot } from '../typed-project';
import { typedRuleTester, untypedRuleTester } from './rule-testers';

const eslintMajor = inject('eslintMajor');
const expectedVersion = eslintMajor === 9 ? /^9\.(3[4-9]|[4-9]\d)\./ : /^10\./;
const otherEslintDir =
  eslintMajor === 9 ? path.join(repoRoot, 'node_modules', 'eslint') : path.join(repoRoot, 'tests', 'eslint9', 'node_modules', 'eslint');

const requireHere = createRequire(__filename);
const requireFromRuleTester = createRequire(requireHere.resolve('@typescript-eslint/rule-tester'));
const requireFromUtilsLinter = createRequire(requireFromRuleTester.resolve('@typescript-eslint/utils/ts-eslint'));

type Mode = 'typed' | 'untyped';
const received = new Map<Mode, unknown>();
function probe(mode: Mode): TSESLint.RuleModule<'never'> {
  return {
    meta: { type: 'problem', schema: [], messages: { never: 'never reported' } },
    defaultOptions: [],
    create(context) {
      received.set(mode, context.sourceCode);
      return {};
    },
  };
}
typedRuleTester().run('probe (typed)', probe('typed'), { valid: ['export const answer: number = 42;'], invalid: [] });
untypedRuleTester().run('probe (untyped)', probe('untyped'), { valid: ['export const answer = 42;'], invalid: [] });

describe(`the ESLint the rule tests run under (project eslint${eslintMajor})`, () => {
  it(`is ESLint ${eslintMajor === 9 ? '9.34+' : '10'} where the test files import it`, () => {
    expect(eslint.Linter.version).toMatch(expectedVersion);
  });

  it('is the same ESLint that @typescript-eslint/rule-tester and its Linter require', () => {
    const ruleTesterEslint = requireFromRuleTester('eslint') as typeof eslint;
    const utilsEslint = requireFromUtilsLinter('eslint') as typeof eslint;
    expect(ruleTesterEslint.Linter.version).toMatch(expectedVersion);
    expect(ruleTesterEslint.Linter).toBe(eslint.Linter);
    expect(utilsEslint.Linter).toBe(eslint.Linter);
  });

  it('built the SourceCode that the typed and the untyped RuleTester gave the probe rule', () => {
    expect([...received.keys()]).toEqual(['typed', 'untyped']);
    for (const [mode, sourceCode] of received) expect(sourceCode, mode).toBeInstanceOf(eslint.SourceCode);
  });

  it('is the only ESLint loaded in this test process', () => {
    const loaded = Object.keys(requireHere.cache).filter((file) => file.startsWith(otherEslintDir + path.sep));
    expect(loaded).toEqual([]);
  });
});

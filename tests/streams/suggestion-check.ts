import { Linter } from 'eslint';
import * as typescriptParser from '@typescript-eslint/parser';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index';
import { diagnosticMessages, newMessages } from '../codemods/support/typescript-project';
import { createTypedProject } from '../typed-project';

/** A rule's invalid case as its cases file shares it with the RuleTester suites. */
export interface CaseWithSuggestions {
  readonly name: string;
  readonly code: string;
  readonly errors: readonly { readonly messageId: string; readonly line: number; readonly suggestions: readonly string[] }[];
}

interface SuggestionCheck {
  readonly rule: string;
  readonly cases: readonly CaseWithSuggestions[];
  /** The expected text after applying each suggestion, by the key `keyOf` gives it. */
  readonly outputs: Readonly<Record<string, string>>;
  readonly keyOf: (shared: CaseWithSuggestions, messageId: string, line: number) => string;
  readonly atLeast: number;
}

/**
 * Every suggestion of every invalid case, as the engine produces it through ESLint: the result adds
 * no TypeScript error and the rule is quiet on that site (typed): only the case's other findings remain.
 */
export function describeSuggestionCheck({ rule, cases, outputs, keyOf, atLeast }: SuggestionCheck): void {
  describe(`${rule} suggestions`, () => {
    const project = createTypedProject(`${rule}-suggestions`);
    afterAll(() => project.remove());
    const pairs = cases.flatMap((shared, index) =>
      shared.errors.flatMap((error) =>
        error.suggestions.map((messageId) => ({
          name: keyOf(shared, messageId, error.line),
          /** The case's other findings stay: a suggestion fixes its own site. */
          remaining: shared.errors.length - 1,
          before: project.writeSource(`case${index}-before.ts`, shared.code),
          after: project.writeSource(`case${index}-${messageId}-${error.line}.ts`, outputs[keyOf(shared, messageId, error.line)]),
        })),
      ),
    );

    it('has a suggestion for most cases', () => {
      expect(pairs.length).toBeGreaterThanOrEqual(atLeast);
    });

    it('every suggestion type-checks and silences the rule', () => {
      const program = ts.createProgram({
        rootNames: pairs.flatMap((pair) => [pair.before, pair.after]),
        options: ts.parseJsonConfigFileContent(ts.readConfigFile(project.tsconfigPath, (file) => ts.sys.readFile(file)).config, ts.sys, project.dir).options,
      });
      const linter = new Linter({ configType: 'flat', cwd: project.dir });
      const config = [
        {
          files: ['**/*.ts'],
          plugins: { leakguard: { rules } as never },
          rules: { [`leakguard/${rule}`]: 'error' as const },
          languageOptions: { parser: typescriptParser as never, parserOptions: { project: project.tsconfigPath, tsconfigRootDir: project.dir } },
        },
      ];
      const failures: string[] = [];
      for (const pair of pairs) {
        const added = newMessages(diagnosticMessages(program, pair.before), diagnosticMessages(program, pair.after));
        if (added.length > 0) failures.push(`${pair.name}: ${added.join('; ')}`);
        const text = ts.sys.readFile(pair.after)!;
        const reported = linter.verify(text, config, pair.after).map((message) => `${message.line}: ${message.message}`);
        if (reported.length !== pair.remaining) failures.push(`${pair.name} still reported: ${reported.join('; ')}`);
      }
      expect(failures).toEqual([]);
    });
  });
}

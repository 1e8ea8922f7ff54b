import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import type ts from 'typescript';
import type { AnyRuleDescriptor } from '../../../src/descriptors/rule-descriptor';
import { eslintRuleOf } from '../../../src/rule-creator';
import { allowsJsx, isCommonJs, type FixtureExtension, type FixtureOptions } from './fixtures';

export interface RuleReport {
  readonly line: number;
  /** 1-based, as ESLint and the codemod's outcomes count. */
  readonly column: number;
  readonly message: string;
}

export interface LintContext {
  /** Typed linting: a program that contains `filePath` with exactly the linted text. */
  readonly program?: ts.Program | undefined;
  /** The fixture's codemod options: their `ruleOptions` and `settings` configure the rule the same way. */
  readonly options?: FixtureOptions;
}

/**
 * Lints `code` with the rules a codemod fixes through ESLint's own `Linter` (flat config, the parser
 * users run). Throws on a parse error: a fixture that does not parse has nothing to say about the rules.
 */
export function lintWithRules(ruleList: readonly AnyRuleDescriptor[], code: string, filePath: string, extension: FixtureExtension, context: LintContext = {}): RuleReport[] {
  const { program, options = {} } = context;
  // Flat config matches `files` against the path relative to cwd: a temp file must be under it.
  const linter = new Linter({ cwd: path.dirname(path.resolve(filePath)) });
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.cjs', '**/*.mjs'],
      languageOptions: {
        parser: tsParser as unknown as Linter.Parser,
        sourceType: isCommonJs(extension, code) ? 'commonjs' : 'module',
        parserOptions: {
          ecmaFeatures: { jsx: allowsJsx(extension) },
          ...(program ? { programs: [program] } : {}),
        },
      },
      plugins: { leakguard: { rules: Object.fromEntries(ruleList.map((rule) => [rule.name, eslintRuleOf(rule)])) } as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: Object.fromEntries(ruleList.map((rule) => [`leakguard/${rule.name}`, options.ruleOptions ? ['error', options.ruleOptions] : 'error'])),
      ...(options.settings === undefined ? {} : { settings: { leakguard: options.settings } }),
    },
  ];
  const messages = linter.verify(code, config, { filename: path.resolve(filePath) });
  const fatal = messages.find((message) => message.fatal || message.ruleId === null);
  if (fatal) throw new Error(`${filePath}:${fatal.line}:${fatal.column}: ${fatal.message}`);
  return messages
    .filter((message) => ruleList.some((rule) => message.ruleId === `leakguard/${rule.name}`))
    .map((message) => ({ line: message.line, column: message.column, message: message.message }));
}

import { Linter } from 'eslint';
import { rules } from '../../rules/index';

/**
 * Lints plain JavaScript with ESLint's default parser (espree, eslint-scope) and one leakguard rule:
 * no typescript-eslint in the loop, as in a JavaScript project's pre-commit hook.
 */
export function lintWithEspree(rule: keyof typeof rules, code: string, filename: string): Linter.LintMessage[] {
  return new Linter().verify(
    code,
    [
      {
        files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
        plugins: { leakguard: { rules } as never },
        rules: { [`leakguard/${rule}`]: 'error' },
        languageOptions: { sourceType: filename.endsWith('.cjs') ? 'commonjs' : 'module' },
      },
    ],
    filename,
  );
}

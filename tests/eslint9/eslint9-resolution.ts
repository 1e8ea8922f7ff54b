/**
 * Where the rule tests get ESLint 9 from: this folder's own install (one `npm ci` resolves one
 * eslint, so the root has 10 and this folder has 9). Used by the setup file of the vitest project
 * `eslint9` (setup-require-eslint9.ts) and by tests/eslint9.test.ts; vitest.config.mts repeats the
 * install and CI checks (vite's config loader wants ESM, and tests/ is CommonJS).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

export const eslint9Dir = __dirname;
export const eslint9Installed = existsSync(path.join(eslint9Dir, 'node_modules', 'eslint', 'package.json'));

/** What the vitest project eslint9 and tests/eslint9.test.ts say when the install is missing. */
export const eslint9Missing =
  'tests/eslint9/node_modules is missing: run `npm ci --prefix tests/eslint9` (.ci/run does) to test leakguard under ESLint 9.';

/** CI=true (GitHub Actions, .ci/run's callers): a missing ESLint 9 install must fail there, not skip. */
export const inCI = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());

/** `eslint` and its subpaths (`eslint/use-at-your-own-risk`, `eslint/config` …), not `eslint-scope` or `@eslint/js`. */
export function isEslintRequest(request: string): boolean {
  return request === 'eslint' || request.startsWith('eslint/');
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The ESLint major a vitest project runs the rule tests under (`provide` in vitest.config.mts). */
    eslintMajor: 9 | 10;
  }
}

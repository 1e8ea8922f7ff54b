import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// leakguard supports ESLint 9.34+ and 10, and one `npm ci` resolves one eslint: the root has 10,
// tests/eslint9 has 9 (its own package-lock.json; .ci/run installs it after the root). The rule tests
// (tests/rules: RuleTester typed and untyped, the espree Linter) run under both: project `eslint10`
// is the whole suite with the root's ESLint, project `eslint9` runs tests/rules again with
// tests/eslint9's (every untyped case, a sample of the typed ones: tests/rules/rule-testers.ts), and
// tests/rules/eslint-under-test.test.ts checks in each which ESLint actually ran.
// Without that install `eslint9` is left out locally with a warning, and fails in CI (CI=true).
// (tests/eslint9/eslint9-resolution.ts has the same checks for the setup file and tests/eslint9.test.ts;
// this file does not import it: vite's config loader wants ESM, tests/ is CommonJS.)
const eslint9Dir = path.join(import.meta.dirname, 'tests', 'eslint9');
const eslint9Installed = existsSync(path.join(eslint9Dir, 'node_modules', 'eslint', 'package.json'));
const inCI = process.env.CI !== undefined && !['', '0', 'false'].includes(process.env.CI.toLowerCase());

/**
 * Vite resolves the imports of the modules it transforms (our tests and sources): their `eslint` and
 * `eslint/…` come from tests/eslint9. The `require('eslint')` of the CommonJS packages Node loads
 * itself (@typescript-eslint/rule-tester, @typescript-eslint/utils) is the setup file's job.
 */
function eslint9Imports() {
  const requireFromEslint9 = createRequire(path.join(eslint9Dir, 'package.json'));
  return {
    name: 'leakguard:eslint9-imports',
    enforce: 'pre' as const,
    resolveId: (source: string) => (source === 'eslint' || source.startsWith('eslint/') ? requireFromEslint9.resolve(source) : null),
  };
}

const eslint9: TestProjectInlineConfiguration = {
  extends: true,
  plugins: eslint9Installed ? [eslint9Imports()] : [],
  test: {
    name: 'eslint9',
    include: ['tests/rules/**/*.test.ts'],
    // Fails every file of the project with the install command when tests/eslint9 is missing.
    setupFiles: ['tests/eslint9/setup-require-eslint9.ts'],
    provide: { eslintMajor: 9 },
  },
};
if (!eslint9Installed && !inCI) {
  console.warn('vitest project eslint9: SKIPPED — tests/eslint9/node_modules is missing. Run `npm ci --prefix tests/eslint9` to test the rules under ESLint 9.');
}

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'tests/**/fixtures/**'],
    // Typed linting builds TypeScript programs: the first test in a file pays for it.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One module graph per worker, not per file: every file re-importing TypeScript and typescript-eslint
    // cost a fifth of the run, and typed rule tests now share the programs typescript-eslint caches
    // (tests/rules: 117 s → 37 s). No test mocks modules, stubs globals or changes the working directory;
    // each builds its own RuleTester and temporary folders, so nothing leaks from one file to the next.
    isolate: false,
    // Two files at a time even on two cores (vitest's default leaves one core idle): most files wait
    // on child processes (the CLI, jscodeshift, npm, leak programs, servers), not on the CPU.
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'eslint10', include: ['tests/**/*.test.ts'], provide: { eslintMajor: 10 } } },
      ...(eslint9Installed || inCI ? [eslint9] : []),
    ],
  },
});

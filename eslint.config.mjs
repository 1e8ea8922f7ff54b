// Lints this repository's own code with typescript-eslint's type-checked preset and with leakguard
// itself: the engine, the tests and the scripts open files, sockets and pools too, and a leak
// checker that leaks would be a poor advertisement. The plugin is loaded from dist/ (this file is
// plain ESM, it cannot import the TypeScript sources), so `npm run build` comes first.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const builtPlugin = path.join(repoRoot, 'dist', 'src', 'plugin.js');
if (!existsSync(builtPlugin)) {
  throw new Error('eslint.config.mjs lints with the built plugin: run `npm run build` first (dist/src/plugin.js is missing).');
}
const { default: leakguard } = await import(builtPlugin);

export default defineConfig(
  globalIgnores([
    'dist/',
    'coverage/',
    // The demo's leaks are deliberate; scripts/demo.mjs lints them with its own config.
    'examples/',
    // Inputs to the rules and codemods under test: many are meant to be flagged, some to not parse.
    'tests/**/fixtures/',
    'tests/codemods/**/*.input.*',
    'tests/codemods/**/*.output.*',
    // Programs the runtime proofs run (leaky on purpose) and real-world before/after cases of the rule tests.
    'tests/leaks/programs/',
    'tests/rules/real-world/',
  ]),
  {
    name: 'leakguard-repo/typescript',
    files: ['**/*.ts', '**/*.mts', '**/*.cts'],
    extends: [tseslint.configs.recommendedTypeChecked, leakguard.configs['recommended-type-checked']],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
    },
  },
  {
    // scripts/*.mjs and this file are not part of tsconfig.json (no allowJs): lint them without types,
    // with the presets meant for exactly that (leakguard's is the pre-commit one).
    name: 'leakguard-repo/javascript',
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.recommended, leakguard.configs.recommended],
  },
  {
    // CommonJS is what require() is for.
    name: 'leakguard-repo/commonjs',
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

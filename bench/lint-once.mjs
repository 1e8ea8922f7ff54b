// One ESLint run in a fresh process (no warm TypeScript program, no module cache from a previous
// run), printing one JSON line: wall time of lintFiles, per-rule times from ESLint's `stats`, parse
// time, and problem counts. Usage: node bench/lint-once.mjs <typed-ours|typed-base|untyped> <dir>…
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [variant, ...directories] = process.argv.slice(2);

const loadStart = performance.now();
const { ESLint } = require('eslint');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const leakguard = require(path.join(repoRoot, 'dist', 'src', 'plugin.js'));

const tsFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];
const jsFiles = ['**/*.js', '**/*.mjs', '**/*.cjs'];

function configFor(variant, cwd) {
  const typedLanguageOptions = { parserOptions: { projectService: true, tsconfigRootDir: cwd } };
  switch (variant) {
    case 'typed-base':
      return [{ files: tsFiles, extends: [tseslint.configs.recommendedTypeChecked], languageOptions: typedLanguageOptions }];
    case 'typed-ours':
      return [
        {
          files: tsFiles,
          extends: [tseslint.configs.recommendedTypeChecked, leakguard.configs['recommended-type-checked']],
          languageOptions: typedLanguageOptions,
        },
      ];
    case 'untyped':
      // The pre-commit hook: leakguard's `recommended` alone, with the typescript-eslint parser
      // (what `tseslint.configs.recommended` would set) and no type information.
      return [
        { files: [...tsFiles, ...jsFiles], languageOptions: { parser: tseslint.parser }, ...leakguard.configs.recommended },
        { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
        // node_modules files name rules of other plugins in their disable comments: not our cost.
        { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
      ];
    default:
      throw new Error(`unknown variant ${variant}`);
  }
}

const cwd = path.resolve(directories[0]);
const eslint = new ESLint({
  cwd,
  overrideConfigFile: true,
  overrideConfig: defineConfig(configFor(variant, cwd)),
  stats: true,
  // Every file is linted: ESLint's default ignores would skip nothing here, but be explicit.
  ignore: false,
  errorOnUnmatchedPattern: false,
});
const loadMs = performance.now() - loadStart;

const lintStart = performance.now();
const results = await eslint.lintFiles(directories.map((directory) => path.resolve(directory)));
const lintMs = performance.now() - lintStart;

const ruleMs = {};
let parseMs = 0;
let statsTotalMs = 0;
const problems = {};
let fatal = 0;
for (const result of results) {
  for (const pass of result.stats?.times?.passes ?? []) {
    parseMs += pass.parse?.total ?? 0;
    statsTotalMs += pass.total ?? 0;
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) ruleMs[ruleId] = (ruleMs[ruleId] ?? 0) + time.total;
  }
  for (const message of result.messages) {
    if (message.fatal) fatal++;
    else problems[message.ruleId] = (problems[message.ruleId] ?? 0) + 1;
  }
}
process.stdout.write(
  `${JSON.stringify({ variant, files: results.length, fatal, loadMs, lintMs, parseMs, statsTotalMs, ruleMs, problems, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);

// One ESLint run in a fresh process (no warm TypeScript program, no module cache from a previous
// run), printing one JSON line: wall time of lintFiles, per-rule times from ESLint's `stats`, parse
// time, and problem counts.
// Usage: node bench/lint-once.mjs <typed-ours|typed-all|typed-base|preset-alone|floating-alone|untyped|untyped-all> <dir>…
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
// Each variant loads only what its config uses: a hook with only no-floating-promises does not load
// leakguard, and one with only our preset does not load typescript-eslint's rules.
const loadTypescriptEslint = () => require('typescript-eslint');
const loadLeakguard = () => require(path.join(repoRoot, 'dist', 'src', 'plugin.js'));

const tsFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];
const jsFiles = ['**/*.js', '**/*.mjs', '**/*.cjs'];

// Files we did not write name rules of other plugins in their disable comments: not our cost.
const quietInlineConfig = { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } };

/**
 * Records the TypeScript programs the parser hands the rules, to read their checkers' counters at
 * the end: how many types and instantiations the run made the checker create does not depend on
 * the machine's load, and says how much the rules asked of it.
 */
// eslint-disable-next-line leakguard/no-unbounded-cache -- one entry per program of a one-shot process
const programs = new Set();
const programProbe = {
  files: tsFiles,
  plugins: {
    bench: {
      rules: {
        program: {
          meta: { schema: [] },
          create(context) {
            const program = context.sourceCode.parserServices?.program;
            if (program) programs.add(program);
            return {};
          },
        },
      },
    },
  },
  rules: { 'bench/program': 'error' },
};

/** `leakguard/<name>: 'error'` for every rule the plugin ships, in or out of a preset. */
const everyLeakguardRule = (leakguard) => Object.fromEntries(Object.keys(leakguard.rules).map((name) => [`leakguard/${name}`, 'error']));

function configFor(variant, cwd) {
  const tseslint = variant === 'preset-alone' ? undefined : loadTypescriptEslint();
  const leakguard = variant === 'floating-alone' || variant === 'typed-base' ? undefined : loadLeakguard();
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
    // Every rule we ship, opt-in ones included (issues 11–13 set their cost targets against this run).
    case 'typed-all':
      return [
        {
          files: tsFiles,
          extends: [tseslint.configs.recommendedTypeChecked, leakguard.configs['recommended-type-checked']],
          languageOptions: typedLanguageOptions,
          rules: everyLeakguardRule(leakguard),
        },
      ];
    // Issue 10's pre-commit question: our typed preset alone vs one typed rule alone, same parser
    // and parserOptions, so both pay the same TypeScript program.
    case 'preset-alone':
      return [
        { files: tsFiles, ...leakguard.configs['recommended-type-checked'] },
        { files: tsFiles, languageOptions: typedLanguageOptions },
        programProbe,
        quietInlineConfig,
      ];
    case 'floating-alone':
      return [
        {
          files: tsFiles,
          plugins: { '@typescript-eslint': tseslint.plugin },
          languageOptions: { parser: tseslint.parser, ...typedLanguageOptions },
          rules: { '@typescript-eslint/no-floating-promises': 'error' },
        },
        programProbe,
        quietInlineConfig,
      ];
    case 'untyped':
      // The pre-commit hook: leakguard's `recommended` alone, with the typescript-eslint parser
      // (what `tseslint.configs.recommended` would set) and no type information.
      return [
        { files: [...tsFiles, ...jsFiles], languageOptions: { parser: tseslint.parser }, ...leakguard.configs.recommended },
        { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
        quietInlineConfig,
      ];
    case 'untyped-all':
      return [
        {
          files: [...tsFiles, ...jsFiles],
          languageOptions: { parser: tseslint.parser },
          ...leakguard.configs.recommended,
          rules: everyLeakguardRule(leakguard),
        },
        { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
        quietInlineConfig,
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
const checkers = new Set([...programs].map((program) => program.getTypeChecker()));
const checker = {
  programs: programs.size,
  types: [...checkers].reduce((sum, typeChecker) => sum + typeChecker.getTypeCount(), 0),
  instantiations: [...checkers].reduce((sum, typeChecker) => sum + typeChecker.getInstantiationCount(), 0),
};
// CPU time (all threads: V8's GC helpers too) moves far less than wall time when neighbours load the machine.
const usage = process.resourceUsage();
process.stdout.write(
  `${JSON.stringify({ variant, files: results.length, fatal, loadMs, lintMs, parseMs, statsTotalMs, ruleMs, problems, maxRssMb: usage.maxRSS / 1024, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, checker })}\n`,
);

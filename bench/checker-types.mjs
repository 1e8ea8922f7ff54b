// Which of leakguard's questions make the TypeScript checker create types: one lint run in this
// process (dist/ must be built) over a project folder, printing the checker's counters and, with
// --by-caller, each checker method our code called, attributed to the leakguard frames that asked
// (types and instantiations created during the call, number of such calls). The counts do not depend
// on the machine's load, unlike times: the measure to use when other jobs share the cores.
//
//   node bench/checker-types.mjs <preset | rule[,rule…] | floating> <folder> [--by-caller <frames>] [--top <n>]
//
// `preset` is recommended-type-checked; `floating` is typescript-eslint's no-floating-promises alone
// (the comparison of docs/performance.md). A type is counted once, by whichever call created it first:
// remove one question and part of its count may move to the next one that needs the same types.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const repoRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'by-caller': { type: 'string' }, top: { type: 'string', default: '40' } },
});
const [which, folder] = positionals;
if (!which || !folder) throw new Error('usage: node bench/checker-types.mjs <preset | rule[,rule…] | floating> <folder> [--by-caller <frames>]');
const { ESLint } = require('eslint');
const { defineConfig } = require('eslint/config');

const cwd = path.resolve(folder);
const tsFiles = ['**/*.ts', '**/*.mts', '**/*.cts'];
const typedLanguageOptions = { parserOptions: { projectService: true, tsconfigRootDir: cwd } };
const frames = flags['by-caller'] === undefined ? 0 : Number(flags['by-caller']);
const ourFrame = `${path.sep}dist${path.sep}src${path.sep}`;

/** Per "method @ our callers": types and instantiations created inside the call, and how many calls created any. */
// eslint-disable-next-line leakguard/no-unbounded-cache -- one entry per distinct caller chain of a one-shot process
const created = new Map();
// eslint-disable-next-line leakguard/no-unbounded-cache -- one entry per program of a one-shot process
const programs = new Set();
const counters = new Set(['getTypeCount', 'getInstantiationCount', 'getSymbolCount', 'getIdentifierCount', 'getRelationCacheSizes']);

/** Wraps every method of the checker to count what each call created. */
function instrument(checker) {
  for (const name of Object.keys(checker)) {
    const method = checker[name];
    if (typeof method !== 'function' || counters.has(name)) continue;
    checker[name] = function counted(...args) {
      const types = checker.getTypeCount();
      const instantiations = checker.getInstantiationCount();
      const result = method.apply(this, args);
      const newTypes = checker.getTypeCount() - types;
      const newInstantiations = checker.getInstantiationCount() - instantiations;
      if (newTypes > 0 || newInstantiations > 0) {
        const callers = new Error().stack
          .split('\n')
          .slice(2)
          .filter((line) => line.includes(ourFrame))
          .slice(0, frames)
          .map((line) => line.slice(line.indexOf(ourFrame) + ourFrame.length).replace(/\)?$/, '').replace(/:\d+$/, ''));
        const key = `${name} @ ${callers.join(' < ') || '(not ours)'}`;
        const entry = created.get(key) ?? { types: 0, instantiations: 0, calls: 0 };
        entry.types += newTypes;
        entry.instantiations += newInstantiations;
        entry.calls++;
        created.set(key, entry);
      }
      return result;
    };
  }
}

const programProbe = {
  files: tsFiles,
  plugins: {
    bench: {
      rules: {
        program: {
          meta: { schema: [] },
          create(context) {
            const program = context.sourceCode.parserServices?.program;
            if (program && !programs.has(program)) {
              programs.add(program);
              if (frames > 0) instrument(program.getTypeChecker());
            }
            return {};
          },
        },
      },
    },
  },
  rules: { 'bench/program': 'error' },
};

function lintConfig() {
  if (which === 'floating') {
    const tseslint = require('typescript-eslint');
    return [
      programProbe,
      {
        files: tsFiles,
        plugins: { '@typescript-eslint': tseslint.plugin },
        languageOptions: { parser: tseslint.parser, ...typedLanguageOptions },
        rules: { '@typescript-eslint/no-floating-promises': 'error' },
      },
    ];
  }
  const leakguard = require(path.join(repoRoot, 'dist', 'src', 'plugin.js'));
  const preset = leakguard.configs['recommended-type-checked'];
  const rules = which === 'preset' ? preset.rules : Object.fromEntries(which.split(',').map((rule) => [`leakguard/${rule}`, 'error']));
  // The probe first, so the checker is instrumented before the rules of the first file ask it anything.
  return [programProbe, { files: tsFiles, ...preset, rules }, { files: tsFiles, languageOptions: typedLanguageOptions }];
}

const eslint = new ESLint({
  cwd,
  overrideConfigFile: true,
  overrideConfig: defineConfig([...lintConfig(), { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } }]),
  stats: true,
  ignore: false,
  errorOnUnmatchedPattern: false,
});
const start = performance.now();
const results = await eslint.lintFiles([cwd]);
const lintMs = Math.round(performance.now() - start);
const ruleMs = {};
let problems = 0;
for (const result of results) {
  problems += result.messages.length;
  for (const pass of result.stats?.times?.passes ?? []) {
    for (const [ruleId, time] of Object.entries(pass.rules ?? {})) ruleMs[ruleId] = Math.round((ruleMs[ruleId] ?? 0) + time.total);
  }
}
const checkers = [...programs].map((program) => program.getTypeChecker());
const sum = (count) => checkers.reduce((total, checker) => total + count(checker), 0);
console.log(
  JSON.stringify({
    which,
    files: results.length,
    problems,
    lintMs,
    ruleMs,
    programs: programs.size,
    types: sum((checker) => checker.getTypeCount()),
    instantiations: sum((checker) => checker.getInstantiationCount()),
  }),
);
const ranked = [...created].sort((a, b) => b[1].types - a[1].types || b[1].instantiations - a[1].instantiations);
for (const [key, { types, instantiations, calls }] of ranked.slice(0, Number(flags.top))) console.log(`${types}\t${instantiations}\t${calls}\t${key}`);

#!/usr/bin/env node
// A behaviour snapshot of the built package, for refactors that must change no behaviour: every
// finding (message, position, suggestions) of every rule, typed and untyped, and every codemod's
// output and outcomes, over the repository's own inputs (codemod fixtures, real-world pairs, leak
// programs, the bundled example), plus `leakguard list`, `--help` and a dry CLI run with its JSON
// report. Two snapshots of the same inputs are compared byte for byte:
//   node scripts/behaviour-snapshot.mjs /tmp/before.json   (at the commit the work starts from)
//   node scripts/behaviour-snapshot.mjs /tmp/after.json && cmp /tmp/before.json /tmp/after.json
// Runs dist/: build first (`npm run build`).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const ts = require('typescript');
const { Linter } = require('eslint');
const typescriptParser = require('@typescript-eslint/parser');
const { rules } = require(path.join(repoRoot, 'dist/rules/index.js'));
const { runCodemod } = require(path.join(repoRoot, 'dist/src/codemod/run-codemod.js'));
const codemodNames = ['try-finally-close', 'singleton-client', 'bounded-cache'];
// Since the descriptor lists, runCodemod takes a descriptor and the codemod's own options apart.
const catalogPath = path.join(repoRoot, 'dist/src/descriptors/catalog.js');
const catalog = existsSync(catalogPath) ? require(catalogPath).shippedCatalog : undefined;
const runCodemodAnyVersion = (name, input, options) =>
  catalog ? runCodemod(catalog.codemods.find((codemod) => codemod.name === name), input, { codemodOptions: options }) : runCodemod(name, input, options);

const outputPath = process.argv[2];
if (!outputPath) {
  console.error('usage: node scripts/behaviour-snapshot.mjs <output.json>');
  process.exit(2);
}

/** Inputs, relative to the repository: every source file in these folders. */
const inputFolders = ['tests/codemods/try-finally-close', 'tests/codemods/singleton-client', 'tests/codemods/bounded-cache', 'tests/rules/real-world', 'tests/leaks/programs', 'examples/leaky-service/src'];
const sourceFile = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const inputs = inputFolders.flatMap((folder) =>
  readdirSync(path.join(repoRoot, folder))
    .filter((file) => sourceFile.test(file) && !file.endsWith('.d.ts'))
    .sort()
    .map((file) => `${folder}/${file}`),
);

// One typed project in the temp dir, node_modules linked: every input is its own module.
const dir = mkdtempSync(path.join(os.tmpdir(), 'leakguard-snapshot-'));
symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
const tsconfigPath = path.join(dir, 'tsconfig.json');
writeFileSync(
  tsconfigPath,
  JSON.stringify({
    compilerOptions: {
      target: 'ES2022', lib: ['ES2023', 'ESNext.Disposable'], module: 'Node16', moduleResolution: 'Node16', moduleDetection: 'force',
      strict: true, types: ['node'], esModuleInterop: true, skipLibCheck: true, noEmit: true, allowJs: true, jsx: 'preserve',
    },
    include: ['sources/**/*'],
  }),
);
for (const input of inputs) {
  const target = path.join(dir, 'sources', input);
  mkdirSync(path.dirname(target), { recursive: true });
  cpSync(path.join(repoRoot, input), target);
}
const parsedConfig = ts.parseJsonConfigFileContent(JSON.parse(readFileSync(tsconfigPath, 'utf8')), ts.sys, dir);
const program = ts.createProgram({ rootNames: parsedConfig.fileNames, options: parsedConfig.options });

const plugin = { rules };
const ruleNames = Object.keys(rules).sort();

function lint(file, typed) {
  const linter = new Linter({ cwd: dir });
  const config = {
    files: ['**/*'],
    plugins: { leakguard: plugin },
    rules: Object.fromEntries(ruleNames.map((name) => [`leakguard/${name}`, 'error'])),
    languageOptions: {
      parser: typescriptParser,
      parserOptions: typed ? { programs: [program], ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) } } : { ecmaFeatures: { jsx: /\.[jt]sx$/.test(file) } },
    },
  };
  const text = readFileSync(file, 'utf8');
  return linter.verify(text, config, { filename: file }).map((message) => ({
    ruleId: message.ruleId, messageId: message.messageId, message: message.message, line: message.line, column: message.column,
    endLine: message.endLine, endColumn: message.endColumn, fatal: message.fatal,
    suggestions: message.suggestions?.map((suggestion) => ({ messageId: suggestion.messageId, desc: suggestion.desc, fix: suggestion.fix })),
  }));
}

const optionSets = {
  'try-finally-close': [{}, { style: 'using' }],
  'singleton-client': [{}],
  'bounded-cache': [{}, { max: 50, ttl: 60000 }],
};

const snapshot = { inputs: {}, cli: {} };
for (const input of inputs) {
  const file = path.join(dir, 'sources', input);
  const source = readFileSync(file, 'utf8');
  const entry = { untyped: lint(file, false), typed: lint(file, true), codemods: {} };
  for (const codemod of codemodNames) {
    for (const options of optionSets[codemod]) {
      for (const typed of [false, true]) {
        const key = `${codemod} ${JSON.stringify(options)} ${typed ? 'typed' : 'untyped'}`;
        try {
          entry.codemods[key] = runCodemodAnyVersion(codemod, { source, filePath: file, ...(typed ? { program } : {}) }, options);
        } catch (error) {
          entry.codemods[key] = { threw: String(error) };
        }
      }
    }
  }
  snapshot.inputs[input] = entry;
}

// The CLI on the bundled example: a dry run with diff and a JSON report (times and paths stripped).
const bin = path.join(repoRoot, 'dist/src/cli/main.js');
const cliRun = (args) => {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.replace(/\d+(\.\d+)? ?(ms|s)\b/g, '<time>') };
};
snapshot.cli.list = cliRun(['list']);
snapshot.cli.help = cliRun(['--help']);
const reportPath = path.join(dir, 'report.json');
const fix = cliRun(['fix', 'examples/leaky-service', '--codemod', 'all', '--dry', '--diff', '--workers', '1', '--report', reportPath]);
fix.stderr = fix.stderr.replace(reportPath, '<report>');
fix.stdout = fix.stdout.replace(reportPath, '<report>').replace(/\d+(\.\d+)? ?(ms|s)\b/g, '<time>');
snapshot.cli.fix = fix;
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
for (const key of ['startedAt', 'durationMs', 'generatedAt', 'workers']) delete report[key];
if (report.run) for (const key of ['startedAt', 'durationMs', 'workers', 'leakguardVersion']) delete report.run[key];
snapshot.cli.report = report;
snapshot.cli.badFlag = cliRun(['fix', 'examples', '--codemod', 'bounded-cache,nope']);
snapshot.cli.maxWithoutCache = cliRun(['fix', 'examples', '--codemod', 'try-finally-close', '--max', '5']);

rmSync(dir, { recursive: true, force: true });
// The temp dir's name is the one thing that differs between two runs of the same code.
const text = `${JSON.stringify(snapshot, null, 1)}\n`.replaceAll(dir, '<dir>');
writeFileSync(outputPath, text);
const counts = Object.values(snapshot.inputs).reduce((sum, entry) => sum + entry.untyped.length + entry.typed.length, 0);
console.log(`${inputs.length} inputs, ${counts} lint messages; sha256 ${createHash('sha256').update(text).digest('hex')}`);


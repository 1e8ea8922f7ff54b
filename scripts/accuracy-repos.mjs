// Precision of leakguard's presets on real open-source TypeScript servers: `recommended-type-checked`
// by default, the untyped `recommended` (what a pre-commit hook runs) with `--untyped`.
// The repositories (tests/accuracy/labels/repos.json) are snapshots in a scratch folder outside this
// repository, one sub-folder per name. When a snapshot has its dependencies installed (a
// `node_modules` folder at its root, put there with its own package manager and lockfile, scripts
// disabled — see docs/accuracy.md), the TypeScript program is the one the repository's own tsconfig
// describes (`tsconfig` in repos.json, else the nearest tsconfig.json above the first root): its compiler
// options, its `paths`, its ambient declaration files, and module resolution from its own
// node_modules, so typed rules see the types of pg, ioredis, @nestjs/* … as a user's run would. When
// it has none, the program falls back to permissive options with this repository's @types/node, and
// package imports stay unresolved (their types are `any`: typed rules lose what those types would
// have told them). Each table row says which (`deps`: installed / none).
// Every finding is labelled true/false with a reason in tests/accuracy/labels/<name>.json (typed) and
// tests/accuracy/labels/untyped/<name>.json (untyped: same schema, its own findings — a finding both
// presets report is labelled in both, and `--add-unlabelled` copies the typed label and reason into the
// untyped file when the key matches, since whether the code leaks does not depend on the preset); this
// script reruns the lint and reports findings that appeared or vanished against the labels, and the
// precision per rule. With dependencies installed, the seven repositories take about 12 min of wall
// time on a loaded 2-core machine, under 3 min of CPU (docs/accuracy.md, "Labelled repositories with
// their dependencies installed"). Not part of `npm test`.
//
//   node scripts/accuracy-repos.mjs <scratch-folder> [--untyped] [--only <name>] [--json]
//   node scripts/accuracy-repos.mjs <scratch-folder> [--untyped] --add-unlabelled
//     (writes new findings with label null, and moves vanished ones to `noLongerReported`)
//
// Exit code 1 when findings appeared or vanished, or some finding is still unlabelled. A labelled
// finding that a fix made vanish moves, with its label and reason, to the file's `noLongerReported`
// list (with the date): the history of what the engine stopped getting wrong stays next to the labels.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { Linter } = require('eslint');
const { repoRoot } = require('../tests/accuracy/accuracy-runner.cjs');
const publishedPlugin = require(path.join(repoRoot, 'dist', 'src', 'plugin.js'));

const typedLabelsDir = path.join(repoRoot, 'tests', 'accuracy', 'labels');
const config = JSON.parse(readFileSync(path.join(typedLabelsDir, 'repos.json'), 'utf8'));

const args = process.argv.slice(2);
const scratch = args[0] && !args[0].startsWith('--') ? path.resolve(args[0]) : undefined;
if (!scratch || !existsSync(scratch)) {
  console.error('usage: node scripts/accuracy-repos.mjs <scratch-folder> [--untyped] [--only <name>] [--json] [--add-unlabelled]');
  process.exit(2);
}
const untyped = args.includes('--untyped');
const labelsDir = untyped ? path.join(typedLabelsDir, 'untyped') : typedLabelsDir;
const onlyIndex = args.indexOf('--only');
const only = onlyIndex >= 0 ? args[onlyIndex + 1] : undefined;

function globToRegExp(glob) {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${escaped}$`);
}
const excluded = config.exclude.map(globToRegExp);

function collect(dir, base, files) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.name === 'node_modules') continue;
    if (entry.isDirectory()) collect(full, base, files);
    else if (entry.isFile() && entry.name.endsWith('.ts')) {
      const relative = path.relative(base, full).split(path.sep).join('/');
      if (!excluded.some((pattern) => pattern.test(relative))) files.push(full);
    }
  }
  return files;
}

/** What a user without their dependencies installed gets: permissive resolution, decorators on. */
function createFallbackProgram(files) {
  return ts.createProgram({
    rootNames: files,
    options: {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: true,
      strict: true,
      esModuleInterop: true,
      skipLibCheck: true,
      noEmit: true,
      types: ['node'],
      typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
    },
  });
}

/** The tsconfig that governs the linted roots: the one repos.json names, else the nearest upwards. */
function findTsconfig(base, entry) {
  if (entry.tsconfig) return path.join(base, entry.tsconfig);
  for (let dir = path.join(base, entry.roots[0]); dir.startsWith(base); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'tsconfig.json'))) return path.join(dir, 'tsconfig.json');
    if (dir === base) break;
  }
  return undefined;
}

/**
 * What a user's run sees: the repository's own compiler options (its `paths`, `types`, `lib`, module
 * resolution from its node_modules) and its ambient declaration files, with the linted files as roots.
 * Emit-only options are dropped; the rest stays as the repository wrote it.
 */
function createRepositoryProgram(tsconfigPath, files) {
  const parsed = ts.getParsedCommandLineOfConfigFile(tsconfigPath, { noEmit: true }, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  if (!parsed) return undefined;
  const options = { ...parsed.options, noEmit: true, skipLibCheck: true, composite: false, incremental: false, declaration: false, declarationMap: false, emitDeclarationOnly: false, sourceMap: false, tsBuildInfoFile: undefined };
  const ambient = parsed.fileNames.filter((file) => file.endsWith('.d.ts'));
  return ts.createProgram({ rootNames: [...new Set([...ambient, ...files])], options, projectReferences: parsed.projectReferences });
}

function createProgram(base, entry, files) {
  const installed = existsSync(path.join(base, 'node_modules'));
  const tsconfigPath = installed ? findTsconfig(base, entry) : undefined;
  const program = tsconfigPath ? createRepositoryProgram(tsconfigPath, files) : undefined;
  if (program) return { program, deps: `installed (${path.relative(base, tsconfigPath)})` };
  return { program: createFallbackProgram(files), deps: 'none' };
}

/** Package imports of the linted files that the program could not resolve: what typed rules see as `any`. */
function unresolvedPackages(program, files) {
  const options = program.getCompilerOptions();
  const cache = ts.createModuleResolutionCache(program.getCurrentDirectory(), (name) => name, options);
  // `declare module 'fs'` in a global declaration file declares a module; the same inside a module
  // (an augmentation of a package that is not installed) declares nothing else of it.
  const declaresModule = (symbol) => (symbol.getDeclarations() ?? []).some((declaration) => !ts.isExternalModule(declaration.getSourceFile()));
  const ambient = new Set(program.getTypeChecker().getAmbientModules().filter(declaresModule).map((symbol) => symbol.name.replace(/^"|"$/g, '')));
  const missing = new Set();
  for (const file of files) {
    const source = program.getSourceFile(file);
    for (const statement of source?.statements ?? []) {
      const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || specifier.text.startsWith('.')) continue;
      const mode = ts.getModeForUsageLocation(source, specifier, options);
      const resolved = ts.resolveModuleName(specifier.text, file, options, ts.sys, cache, undefined, mode).resolvedModule;
      if (!resolved && !ambient.has(specifier.text)) missing.add(specifier.text);
    }
  }
  return [...missing].sort();
}

/** The typed preset over the repository's program. */
function typedLintConfig(base, entry, files) {
  const { program, deps } = createProgram(base, entry, files);
  const preset = publishedPlugin.configs['recommended-type-checked'];
  const lintConfig = [
    {
      ...preset,
      files: ['**/*.ts'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: { ...preset.languageOptions, parserOptions: { ...preset.languageOptions.parserOptions, projectService: false, programs: [program] } },
    },
  ];
  return { lintConfig, deps, unresolved: unresolvedPackages(program, files) };
}

/**
 * The untyped preset as docs/pre-commit.md configures it: typescript-eslint's parser without a
 * project, so no program is built and installed dependencies change nothing.
 */
function untypedLintConfig() {
  const lintConfig = [
    { ...publishedPlugin.configs.recommended, files: ['**/*.ts'], linterOptions: { reportUnusedDisableDirectives: 'off' }, languageOptions: { parser: require('@typescript-eslint/parser') } },
  ];
  return { lintConfig, deps: 'untyped', unresolved: [] };
}

function lintRepo(entry) {
  const base = path.join(scratch, entry.name);
  const files = entry.roots.flatMap((root) => (existsSync(path.join(base, root)) ? collect(path.join(base, root), base, []) : [])).sort();
  const { lintConfig, deps, unresolved } = untyped ? untypedLintConfig() : typedLintConfig(base, entry, files);
  const findings = [];
  let parseErrors = 0;
  for (const file of files) {
    const code = readFileSync(file, 'utf8');
    const messages = new Linter({ cwd: base }).verify(code, lintConfig, { filename: file });
    if (messages.some((message) => message.fatal)) parseErrors++;
    const lines = code.split('\n');
    for (const message of messages) {
      if (!message.ruleId?.startsWith('leakguard/')) continue;
      findings.push({
        file: path.relative(base, file).split(path.sep).join('/'),
        line: message.line,
        rule: message.ruleId,
        messageId: message.messageId,
        code: (lines[message.line - 1] ?? '').trim().slice(0, 160),
      });
    }
  }
  return { files: files.length, parseErrors, findings, deps, unresolved };
}

const identity = (finding) => `${finding.file}:${finding.line}:${finding.rule}:${finding.messageId}`;

const report = [];
let drift = false;
for (const entry of config.repos.filter((repo) => !only || repo.name === only)) {
  if (!existsSync(path.join(scratch, entry.name))) {
    console.error(`${entry.name}: not in ${scratch} (bring ${entry.repo}@${entry.commit} there first)`);
    drift = true;
    continue;
  }
  const started = Date.now();
  const run = lintRepo(entry);
  const seconds = (Date.now() - started) / 1000;
  const labelsPath = path.join(labelsDir, `${entry.name}.json`);
  const labelled = existsSync(labelsPath) ? JSON.parse(readFileSync(labelsPath, 'utf8')) : { repo: entry.repo, commit: entry.commit, findings: [] };
  const known = new Map(labelled.findings.map((finding) => [identity(finding), finding]));
  const current = new Map(run.findings.map((finding) => [identity(finding), finding]));
  const appeared = run.findings.filter((finding) => !known.has(identity(finding)));
  const vanished = labelled.findings.filter((finding) => !current.has(identity(finding)));
  const unlabelled = labelled.findings.filter((finding) => finding.label !== true && finding.label !== false);
  if (args.includes('--add-unlabelled') && (appeared.length > 0 || vanished.length > 0)) {
    const typedPath = path.join(typedLabelsDir, `${entry.name}.json`);
    const typedLabels = untyped && existsSync(typedPath) ? new Map(JSON.parse(readFileSync(typedPath, 'utf8')).findings.map((finding) => [identity(finding), finding])) : new Map();
    const labelOf = (finding) => {
      const typed = typedLabels.get(identity(finding));
      return typed ? { label: typed.label, reason: typed.reason } : { label: null, reason: '' };
    };
    const byPosition = (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
    const kept = labelled.findings.filter((finding) => current.has(identity(finding)));
    const merged = [...kept, ...appeared.map((finding) => ({ repo: entry.repo, commit: entry.commit, ...finding, ...labelOf(finding) }))].sort(byPosition);
    const today = new Date().toISOString().slice(0, 10);
    const retired = [...(labelled.noLongerReported ?? []), ...vanished.map((finding) => ({ ...finding, noLongerReportedSince: today }))];
    const updated = { repo: entry.repo, commit: entry.commit, roots: entry.roots, findings: merged, ...(retired.length ? { noLongerReported: retired } : {}) };
    mkdirSync(labelsDir, { recursive: true });
    writeFileSync(labelsPath, `${JSON.stringify(updated, null, 2)}\n`);
  }
  const perRule = {};
  for (const finding of labelled.findings) {
    const rule = (perRule[finding.rule] ??= { findings: 0, true: 0, false: 0 });
    rule.findings++;
    if (finding.label === true) rule.true++;
    if (finding.label === false) rule.false++;
  }
  if (appeared.length || vanished.length || unlabelled.length) drift = true;
  report.push({ name: entry.name, repo: entry.repo, commit: entry.commit, deps: run.deps, unresolved: run.unresolved, files: run.files, parseErrors: run.parseErrors, seconds, findings: run.findings.length, perRule, appeared, vanished, unlabelled: unlabelled.length });
}

if (args.includes('--json')) {
  console.log(JSON.stringify(report, null, 2));
} else {
  console.log(`preset: ${untyped ? 'recommended (untyped)' : 'recommended-type-checked'}`);
  console.log('| repository | commit | deps | unresolved packages | files | findings | true | false | precision | seconds | appeared | vanished | unlabelled |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const entry of report) {
    const t = Object.values(entry.perRule).reduce((sum, rule) => ({ true: sum.true + rule.true, false: sum.false + rule.false }), { true: 0, false: 0 });
    const precision = t.true + t.false ? `${Math.round((100 * t.true) / (t.true + t.false))} %` : 'n/a';
    console.log(`| ${entry.repo} | ${entry.commit.slice(0, 10)} | ${entry.deps} | ${entry.unresolved.length} | ${entry.files} | ${entry.findings} | ${t.true} | ${t.false} | ${precision} | ${Math.round(entry.seconds)} | ${entry.appeared.length} | ${entry.vanished.length} | ${entry.unlabelled} |`);
  }
  // Precision per rule over all repositories: the rules differ more than the repositories do.
  const perRule = {};
  for (const entry of report) {
    for (const [rule, counts] of Object.entries(entry.perRule)) {
      const sum = (perRule[rule] ??= { findings: 0, true: 0, false: 0 });
      for (const key of Object.keys(sum)) sum[key] += counts[key];
    }
  }
  for (const [rule, counts] of Object.entries(perRule).sort()) {
    const precision = counts.true + counts.false ? `${Math.round((100 * counts.true) / (counts.true + counts.false))} %` : 'n/a';
    console.log(`${rule}: ${counts.findings} labelled, ${counts.true} true, ${counts.false} false, precision ${precision}`);
  }
  for (const entry of report) {
    if (entry.unresolved.length) console.log(`unresolved ${entry.name}: ${entry.unresolved.join(', ')}`);
    for (const finding of entry.appeared) console.log(`appeared  ${entry.name} ${finding.file}:${finding.line} ${finding.rule} ${finding.messageId}`);
    for (const finding of entry.vanished) console.log(`vanished  ${entry.name} ${finding.file}:${finding.line} ${finding.rule} ${finding.messageId}`);
  }
}
process.exit(drift ? 1 : 0);

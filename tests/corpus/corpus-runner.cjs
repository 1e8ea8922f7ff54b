// The robustness corpus: real code nobody here wrote (the JS/TS sources inside this repository's
// node_modules), linted with every leakguard rule and rewritten by every codemod. Users put the rules
// in a CI gate and a pre-commit hook: a rule that throws kills the whole lint run, and a codemod that
// emits broken code loses them for good. Plain CommonJS over the built dist/, so that vitest
// (tests/corpus/*.test.ts, CommonJS like the package) and `node scripts/corpus.mjs` run the same code.
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, lstatSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '..', '..');

const dist = path.join(repoRoot, 'dist');
if (!existsSync(path.join(dist, 'src', 'codemod', 'run-codemod.js'))) {
  throw new Error('The corpus runs the built package: run `npx tsc -p tsconfig.build.json` (or `npm run build`) first.');
}

const { Linter } = require('eslint');
const typescriptParser = require('@typescript-eslint/parser');
const { parse: parseTypeScriptEstree } = require('@typescript-eslint/typescript-estree');
// ESLint's own JavaScript parser (acorn underneath), from where ESLint resolves it.
const espree = require(require.resolve('espree', { paths: [path.dirname(require.resolve('eslint/package.json'))] }));
const { rules } = require(path.join(dist, 'rules', 'index.js'));
const { codemodDescriptors: codemods } = require(path.join(dist, 'src', 'descriptors', 'catalog.js'));
const { runCodemod } = require(path.join(dist, 'src', 'codemod', 'run-codemod.js'));

const ruleNames = Object.keys(rules).sort();
const codemodNames = codemods.map((codemod) => codemod.name).sort();
const descriptorOf = (name) => codemods.find((codemod) => codemod.name === name);

/**
 * typescript.js (9 MB) and _tsc.js (6 MB) are single-file bundles: one of them takes minutes through
 * four parsers and proves nothing a 900 KB file does not. Files above the cap are listed, not run.
 */
const DEFAULT_SIZE_CAP = 1024 * 1024;

const SOURCE_EXTENSIONS = ['.js', '.cjs', '.mjs', '.jsx', '.ts', '.cts', '.mts', '.tsx'];
const DECLARATION_FILE = /\.d\.[cm]?ts$|\.d\.[^.]+\.ts$/i;

function extensionOf(file) {
  return path.extname(file).toLowerCase();
}

function isTypeScriptExtension(extension) {
  return ['.ts', '.cts', '.mts', '.tsx'].includes(extension);
}

/** As the codemods' own parser decides: JSX in .tsx/.jsx and in every JavaScript flavour, never in .ts. */
function allowsJsx(extension) {
  return ['.tsx', '.jsx', '.js', '.mjs', '.cjs'].includes(extension);
}

/**
 * Every JS/TS source under `root` (symlinks not followed: npm's .bin links and workspace links would
 * visit files twice), sorted by path relative to `root`, declaration files left out, files above
 * `sizeCap` listed separately, and files with identical content (the same package version nested
 * twice) kept once: the first by sorted path. Sorted paths + a given lockfile = the same list anywhere.
 */
function collectCorpusFiles({ root = path.join(repoRoot, 'node_modules'), sizeCap = DEFAULT_SIZE_CAP } = {}) {
  const candidates = [];
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop();
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) stack.push(full);
      else if (entry.isFile() && SOURCE_EXTENSIONS.includes(extensionOf(entry.name))) candidates.push(full);
    }
  }
  const relative = (file) => path.relative(root, file).split(path.sep).join('/');
  candidates.sort((a, b) => (relative(a) < relative(b) ? -1 : relative(a) > relative(b) ? 1 : 0));

  const files = [];
  const oversized = [];
  const seen = new Set();
  let declarationFiles = 0;
  let duplicates = 0;
  for (const file of candidates) {
    if (DECLARATION_FILE.test(file)) {
      declarationFiles++;
      continue;
    }
    const size = lstatSync(file).size;
    if (size > sizeCap) {
      oversized.push({ path: relative(file), size });
      continue;
    }
    const hash = createHash('sha1').update(readFileSync(file)).digest('hex');
    if (seen.has(hash)) {
      duplicates++;
      continue;
    }
    seen.add(hash);
    files.push({ path: relative(file), absolutePath: file, extension: extensionOf(file), size, hash });
  }
  return { root, sizeCap, files, oversized, declarationFiles, duplicates };
}

/** mulberry32: tiny, seedable, the same sequence on every machine. */
function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` files drawn without replacement by a seeded Fisher–Yates over the sorted list, returned in path order. */
function seededSample(files, count, seed) {
  const pool = [...files];
  const random = prng(seed);
  const take = Math.min(count, pool.length);
  for (let index = 0; index < take; index++) {
    const pick = index + Math.floor(random() * (pool.length - index));
    [pool[index], pool[pick]] = [pool[pick], pool[index]];
  }
  return pool.slice(0, take).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const plugin = { rules };
/** The published plugin object: its `recommended-type-checked` preset is what typed runs use. */
const publishedPlugin = require(path.join(dist, 'src', 'plugin.js'));

function lintConfig(extension, sourceType, ruleSubset, typed) {
  if (typed.program || typed.tsconfigPath) return typedLintConfig(sourceType, ruleSubset, typed);
  const typescript = isTypeScriptExtension(extension);
  return [
    {
      // A universal `**/*` does not make ESLint lint .ts files: name the extensions.
      files: SOURCE_EXTENSIONS.map((extension) => `**/*${extension}`),
      plugins: { leakguard: plugin },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: typescript
        ? {
            parser: typescriptParser,
            parserOptions: { ecmaFeatures: { jsx: extension === '.tsx' } },
          }
        : {
            ecmaVersion: 'latest',
            sourceType,
            parserOptions: { ecmaFeatures: { jsx: allowsJsx(extension) } },
          },
      rules: Object.fromEntries(ruleSubset.map((name) => [`leakguard/${name}`, 'error'])),
    },
  ];
}

/**
 * The `recommended-type-checked` preset as users configure it, with the project service swapped for
 * the package's own program (`parserOptions.programs`): the same typed parse (typescript-estree over
 * the program's source file, parser services with the checker), and one program per package serves
 * the rules, the codemods and the type-check comparison. With `tsconfigPath` instead,
 * typescript-eslint builds the program itself (`parserOptions.project`): slower, the cross-check.
 * JSX follows the program's script kind.
 */
function typedLintConfig(sourceType, ruleSubset, { program, tsconfigPath }) {
  const preset = publishedPlugin.configs['recommended-type-checked'];
  const projectOptions = program ? { programs: [program] } : { project: tsconfigPath, tsconfigRootDir: path.dirname(tsconfigPath) };
  return [
    {
      ...preset,
      files: SOURCE_EXTENSIONS.map((extension) => `**/*${extension}`),
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: {
        ...preset.languageOptions,
        sourceType,
        parserOptions: { ...preset.languageOptions.parserOptions, projectService: false, ...projectOptions },
      },
      rules: Object.fromEntries(ruleSubset.map((name) => [`leakguard/${name}`, 'error'])),
    },
  ];
}

/** JavaScript is tried as an ES module first, then as a CommonJS script (most of node_modules). */
function sourceTypesFor(extension) {
  if (isTypeScriptExtension(extension)) return ['module'];
  if (extension === '.mjs') return ['module'];
  if (extension === '.cjs') return ['commonjs'];
  return ['module', 'commonjs'];
}

function errorText(error) {
  return error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
}

/**
 * Lints `source` with every leakguard rule, untyped (the `recommended` preset's mode): espree for
 * JavaScript, @typescript-eslint/parser without a project for TypeScript. With `program` (which must
 * hold `virtualPath`, then a real path) or `tsconfigPath`, typed: the `recommended-type-checked`
 * preset over that program or tsconfig. Inline config is ignored (node_modules is full of `eslint-disable` for rules we do not
 * load). A crash is a thrown error or a non-fatal message without a rule id; a fatal message is a
 * parse failure, not a crash.
 */
function lintSource(source, { extension, virtualPath, program, tsconfigPath }) {
  const linter = new Linter({ cwd: path.dirname(virtualPath) });
  const verify = (sourceType, ruleSubset) =>
    linter.verify(source, lintConfig(extension, sourceType, ruleSubset, { program, tsconfigPath }), { filename: virtualPath, allowInlineConfig: false });
  const result = { parsedAs: undefined, parseError: undefined, findings: {}, crashes: [] };
  for (const sourceType of sourceTypesFor(extension)) {
    let messages;
    try {
      messages = verify(sourceType, ruleNames);
    } catch (error) {
      // Attribute the throw: each rule alone, so one rule's bug does not hide another's.
      for (const rule of ruleNames) {
        try {
          verify(sourceType, [rule]);
        } catch (ruleError) {
          result.crashes.push({ stage: 'lint', rule, sourceType, error: errorText(ruleError) });
        }
      }
      if (result.crashes.length === 0) result.crashes.push({ stage: 'lint', rule: '(all rules together)', sourceType, error: errorText(error) });
      result.parsedAs = sourceType;
      return result;
    }
    const fatal = messages.find((message) => message.fatal);
    if (fatal) {
      result.parseError = `${fatal.line}:${fatal.column} ${fatal.message}`;
      continue;
    }
    result.parsedAs = sourceType;
    result.parseError = undefined;
    for (const message of messages) {
      if (message.ruleId === null) {
        result.crashes.push({ stage: 'lint', rule: null, sourceType, error: `${message.line}:${message.column} ${message.message}` });
      } else {
        const rule = message.ruleId.replace(/^leakguard\//, '');
        result.findings[rule] = (result.findings[rule] ?? 0) + 1;
      }
    }
    return result;
  }
  return result;
}

/** The AST the rules and codemods see (typescript-estree), JSX by extension: does `output` still parse? */
function parseWithTypeScriptEstree(code, extension, virtualPath) {
  try {
    parseTypeScriptEstree(code, { filePath: virtualPath, jsx: allowsJsx(extension), loc: false, range: false });
    return undefined;
  } catch (error) {
    const details = error;
    return `${details.location?.start?.line ?? details.lineNumber ?? '?'}:${details.location?.start?.column ?? details.column ?? '?'} ${String(details.message ?? error).split('\n')[0]}`;
  }
}

function isJavaScriptExtension(extension) {
  return ['.js', '.cjs', '.mjs', '.jsx'].includes(extension);
}

/**
 * JavaScript's early errors (a `const` declared twice, `await` outside async, a duplicate export)
 * pass typescript-estree, which leaves them to the type checker, but stop Node from loading the
 * file: espree reports them. The sourceType is the first one, in the order the lint tries them,
 * that the input parses with; undefined when it parses with none (then there is nothing to compare).
 */
function espreeSourceType(code, extension) {
  return sourceTypesFor(extension).find((sourceType) => parseWithEspree(code, extension, sourceType) === undefined);
}

function parseWithEspree(code, extension, sourceType) {
  try {
    espree.parse(code, { ecmaVersion: 'latest', sourceType, ecmaFeatures: { jsx: allowsJsx(extension) } });
    return undefined;
  } catch (error) {
    return `${error.lineNumber ?? '?'}:${error.column ?? '?'} ${String(error.message ?? error).split('\n')[0]}`;
  }
}

/** runCodemod keeps a file as it was when its own rewrite would not parse, and says so in a reason. */
const REJECTED_REWRITE = /would not parse/;

/**
 * Runs one codemod in memory (runCodemod writes nothing): untyped, or typed with `program` (which
 * must hold `virtualPath`; runCodemod swaps the file's text into it for the second run).
 * Checks: no throw; an output parses again; a second run over the output changes nothing.
 */
function runCodemodOnSource(codemod, source, { extension, virtualPath, program }) {
  const result = { codemod, parseError: undefined, changed: false, fixed: 0, skipped: 0, crash: undefined, unparsable: undefined, rejectedRewrite: undefined, nonIdempotent: undefined, output: undefined };
  const typed = program ? { program } : {};
  let first;
  try {
    first = runCodemod(descriptorOf(codemod), { source, filePath: virtualPath, ...typed });
  } catch (error) {
    result.crash = errorText(error);
    return result;
  }
  if (first.parseError) {
    result.parseError = `${first.parseError.line}:${first.parseError.column} ${first.parseError.message}`;
    return result;
  }
  for (const outcome of first.outcomes) {
    if (outcome.status === 'fixed') result.fixed++;
    else result.skipped++;
    if (outcome.reason && REJECTED_REWRITE.test(outcome.reason)) result.rejectedRewrite = `${outcome.line}:${outcome.column} ${outcome.reason}`;
  }
  if (first.output === undefined) return result;
  result.changed = true;
  result.output = first.output;
  result.unparsable = parseWithTypeScriptEstree(first.output, extension, virtualPath);
  if (result.unparsable) return result;
  const sourceType = isJavaScriptExtension(extension) ? espreeSourceType(source, extension) : undefined;
  const earlyError = sourceType && parseWithEspree(first.output, extension, sourceType);
  if (earlyError) {
    result.unparsable = `espree (${sourceType}), which parses the input: ${earlyError}`;
    return result;
  }
  try {
    const second = runCodemod(descriptorOf(codemod), { source: first.output, filePath: virtualPath, ...typed });
    if (second.output !== undefined) result.nonIdempotent = firstDifference(first.output, second.output);
  } catch (error) {
    result.crash = `second run over the output: ${errorText(error)}`;
  }
  return result;
}

function firstDifference(a, b) {
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  const line = a.slice(0, index).split('\n').length;
  return `second run changed line ${line}: ${JSON.stringify(a.slice(Math.max(0, index - 40), index + 40))} → ${JSON.stringify(b.slice(Math.max(0, index - 40), index + 40))}`;
}

/** One file through every rule and every codemod; typed with `program`. */
function checkSource(source, { extension, virtualPath, program }) {
  const started = performance.now();
  const lint = lintSource(source, { extension, virtualPath, program });
  const codemodResults = codemodNames.map((codemod) => runCodemodOnSource(codemod, source, { extension, virtualPath, program }));
  return { lint, codemods: codemodResults, milliseconds: performance.now() - started };
}

function emptyTotals() {
  return {
    files: 0,
    bytes: 0,
    lintParseFailures: [],
    codemodParseFailures: [],
    crashes: [],
    unparsableOutputs: [],
    rejectedRewrites: [],
    nonIdempotentOutputs: [],
    findingsPerRule: Object.fromEntries(ruleNames.map((rule) => [rule, 0])),
    filesWithFindingsPerRule: Object.fromEntries(ruleNames.map((rule) => [rule, 0])),
    perCodemod: Object.fromEntries(codemodNames.map((codemod) => [codemod, { filesChanged: 0, fixed: 0, skipped: 0 }])),
    /** Which files fired and which changed: where to look, and what a sample can be picked by. */
    filesWithFindings: [],
    changedFiles: [],
    slowest: [],
    milliseconds: 0,
  };
}

/** Folds one file's result into the totals; `label` is what reports show (the node_modules path). */
function addToTotals(totals, label, result, size = 0) {
  totals.files++;
  totals.bytes += size;
  if (result.lint.parseError) totals.lintParseFailures.push({ file: label, error: result.lint.parseError });
  for (const crash of result.lint.crashes) totals.crashes.push({ file: label, ...crash });
  for (const [rule, count] of Object.entries(result.lint.findings)) {
    totals.findingsPerRule[rule] = (totals.findingsPerRule[rule] ?? 0) + count;
    totals.filesWithFindingsPerRule[rule] = (totals.filesWithFindingsPerRule[rule] ?? 0) + 1;
  }
  if (Object.keys(result.lint.findings).length > 0) totals.filesWithFindings.push({ file: label, findings: result.lint.findings });
  const changedBy = result.codemods.filter((codemod) => codemod.changed).map((codemod) => codemod.codemod);
  if (changedBy.length > 0) totals.changedFiles.push({ file: label, codemods: changedBy });
  let codemodParseFailure;
  for (const codemod of result.codemods) {
    const counts = totals.perCodemod[codemod.codemod];
    if (codemod.parseError) codemodParseFailure ??= codemod.parseError;
    if (codemod.crash) totals.crashes.push({ file: label, stage: 'codemod', codemod: codemod.codemod, error: codemod.crash });
    if (codemod.unparsable) totals.unparsableOutputs.push({ file: label, codemod: codemod.codemod, error: codemod.unparsable });
    if (codemod.rejectedRewrite) totals.rejectedRewrites.push({ file: label, codemod: codemod.codemod, error: codemod.rejectedRewrite });
    if (codemod.nonIdempotent) totals.nonIdempotentOutputs.push({ file: label, codemod: codemod.codemod, error: codemod.nonIdempotent });
    if (codemod.changed) counts.filesChanged++;
    counts.fixed += codemod.fixed;
    counts.skipped += codemod.skipped;
  }
  if (codemodParseFailure) totals.codemodParseFailures.push({ file: label, error: codemodParseFailure });
  totals.milliseconds += result.milliseconds;
  totals.slowest.push({ file: label, milliseconds: Math.round(result.milliseconds) });
  totals.slowest.sort((a, b) => b.milliseconds - a.milliseconds);
  totals.slowest.length = Math.min(totals.slowest.length, 10);
  return totals;
}

/** Runs `files` (from collectCorpusFiles, or { path, absolutePath, extension, size }) and returns the totals. */
function runCorpus(files, { onFile } = {}) {
  const totals = emptyTotals();
  files.forEach((file, index) => {
    const source = readFileSync(file.absolutePath, 'utf8');
    // node_modules paths are ignored by ESLint's Linter: every file gets a neutral virtual name.
    const virtualPath = `/corpus/${index}${file.extension}`;
    const result = checkSource(source, { extension: file.extension, virtualPath });
    addToTotals(totals, file.path, result, file.size ?? source.length);
    onFile?.(file, result, index);
  });
  return totals;
}

/** The counts a human reads: what ran, what fired, what broke. */
function formatTotals(totals) {
  const lines = [];
  lines.push(`files: ${totals.files} (${(totals.bytes / 1024 / 1024).toFixed(1)} MB)`);
  lines.push(`lint parse failures: ${totals.lintParseFailures.length}; codemod (typescript-estree) parse failures: ${totals.codemodParseFailures.length}`);
  lines.push(`crashes: ${totals.crashes.length}; unparsable outputs: ${totals.unparsableOutputs.length}; rewrites rejected by runCodemod: ${totals.rejectedRewrites.length}; non-idempotent outputs: ${totals.nonIdempotentOutputs.length}`);
  for (const rule of Object.keys(totals.findingsPerRule)) {
    lines.push(`  rule ${rule}: ${totals.findingsPerRule[rule]} findings in ${totals.filesWithFindingsPerRule[rule]} files`);
  }
  for (const [codemod, counts] of Object.entries(totals.perCodemod)) {
    lines.push(`  codemod ${codemod}: ${counts.filesChanged} files changed, ${counts.fixed} sites fixed, ${counts.skipped} skipped with a reason`);
  }
  lines.push(`time: ${(totals.milliseconds / 1000).toFixed(1)} s; slowest: ${totals.slowest.slice(0, 3).map((entry) => `${entry.file} ${entry.milliseconds} ms`).join(', ')}`);
  return lines.join('\n');
}

module.exports = {
  repoRoot,
  ruleNames,
  codemodNames,
  DEFAULT_SIZE_CAP,
  SOURCE_EXTENSIONS,
  isTypeScriptExtension,
  allowsJsx,
  collectCorpusFiles,
  seededSample,
  lintSource,
  parseWithTypeScriptEstree,
  runCodemodOnSource,
  checkSource,
  emptyTotals,
  addToTotals,
  runCorpus,
  formatTotals,
};

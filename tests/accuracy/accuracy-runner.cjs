// The accuracy measurement: real leak fixes from public projects (a before/after pair each, in
// tests/accuracy/fixtures/{development,held-out}), linted with the three leakguard rules typed and
// untyped, and rewritten by each rule's paired codemod. Recall = before files the expected rule
// reports; post-fix quiet = after files it leaves alone; codemod share = the before-file sites the
// codemod fixes rather than leaves with a todo marker. Plain CommonJS over the built dist/, like
// tests/corpus/corpus-runner.cjs, so vitest (tests/accuracy/accuracy.test.ts) and
// `node scripts/accuracy.mjs` run the same code.
//
// The held-out part is a blind test set: nothing here prints or returns its file names or per-file
// verdicts to a caller that asked for the held-out aggregate only (see `summarise`).
'use strict';
const { existsSync, readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const repoRoot = path.resolve(__dirname, '..', '..');
const dist = path.join(repoRoot, 'dist');
if (!existsSync(path.join(dist, 'src', 'codemod', 'run-codemod.js'))) {
  throw new Error('The accuracy runner uses the built package: run `npx tsc -p tsconfig.build.json` (or `npm run build`) first.');
}

const { Linter } = require('eslint');
const publishedPlugin = require(path.join(dist, 'src', 'plugin.js'));
const { codemodDescriptors } = require(path.join(dist, 'src', 'descriptors', 'catalog.js'));
const { runCodemod } = require(path.join(dist, 'src', 'codemod', 'run-codemod.js'));
const { sharingCompilerHost } = require(path.join(dist, 'src', 'codemod', 'shared-source-files.js'));

const fixturesRoot = path.join(__dirname, 'fixtures');
const PARTS = ['development', 'held-out'];
const IDIOMS = ['require-close', 'no-client-per-call', 'no-unbounded-cache'];
const SOURCE_EXTENSIONS = ['.ts', '.js'];

/** Batch 1's split, fixed before anything was measured: a third of each idiom, by sorted slug and this seed. */
const SPLIT_SEED = 0x1eac;
const HELD_OUT_SHARE = 1 / 3;

const SPLIT_METHOD = 'per idiom: slugs sorted, seeded Fisher-Yates (mulberry32), first round(n x share) held out';

/**
 * One split record per collected batch. Each batch is split by its own seeded draw over its own pairs, so
 * adding a batch never moves a pair of an earlier one. A seed is chosen before the batch is staged (never
 * by looking at where it puts the pairs); batch 2's is its collection date read as an integer.
 */
const SPLITS = Object.freeze([
  Object.freeze({ batch: 1, seed: SPLIT_SEED, share: HELD_OUT_SHARE, method: SPLIT_METHOD }),
  Object.freeze({
    batch: 2,
    seed: 20261202,
    share: 1 / 3,
    method: `${SPLIT_METHOD}; seed = the collection date 2026-12-02 read as the integer 20261202, fixed before the batch was staged`,
  }),
  Object.freeze({
    batch: 3,
    seed: 20261203,
    share: 1 / 3,
    method: `${SPLIT_METHOD}; seed = 20261203 (the day after batch 2's seed, batch 3 collected 2026-12-02), fixed and committed before the batch was staged`,
  }),
  // Batches 4–6 are collected side by side on 2026-12-03, one idiom each (4 require-close, 5 no-client-per-call,
  // 6 no-unbounded-cache); their seeds were committed before any of them was staged.
  ...[4, 5, 6].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 4-6 collected 2026-12-03, one idiom each), fixed and committed before the batch was staged`,
    }),
  ),
  // Batches 7–9 are collected side by side on 2026-12-03 (second round), one idiom each (7 require-close,
  // 8 no-client-per-call, 9 no-unbounded-cache); their seeds were committed before any of them was staged.
  ...[7, 8, 9].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 7-9 collected 2026-12-03, one idiom each), fixed and committed before the batch was staged`,
    }),
  ),
  // Batches 10–12: a fresh round collected 2026-12-03 (third round), one idiom each (10 require-close,
  // 11 no-client-per-call, 12 no-unbounded-cache), to measure the lifetime models on code they were not
  // built from before anything is changed for it; seeds committed before any of them was staged.
  ...[10, 11, 12].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 10-12 collected 2026-12-03, third round, one idiom each), fixed and committed before the batch was staged`,
    }),
  ),
  // Batches 13–15: a fresh round collected 2026-12-03 (fourth round), one idiom each (13 require-close,
  // 14 no-client-per-call, 15 no-unbounded-cache), as a validation set for general (not case-fitted)
  // changes: their development part is measured before any change; seeds committed before staging.
  ...[13, 14, 15].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 13-15 collected 2026-12-03, fourth round, one idiom each), fixed and committed before the batch was staged`,
    }),
  ),
  // Batches 16–18: a fresh round collected 2026-12-04 (fifth round), one idiom each (16 require-close,
  // 17 no-client-per-call, 18 no-unbounded-cache): measured before any change made for them, to see
  // how the tool does on incidents nobody here has read; seeds committed before any was staged.
  ...[16, 17, 18].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 16-18 collected 2026-12-04, fifth round, one idiom each), fixed and committed before the batch was staged`,
    }),
  ),
  // Batches 19–21: a sixth round collected 2026-12-04, one idiom each (19 require-close,
  // 20 no-client-per-call, 21 no-unbounded-cache), measured before any change made for them; seeds
  // committed before any was staged.
  ...[19, 20, 21].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 19-21 collected 2026-12-04, sixth round, one idiom each), fixed and committed before the batch was staged`,
    }),
  ),
  // Batches 22–24: a seventh round collected 2026-12-04, one idiom each (22 require-close,
  // 23 no-client-per-call, 24 no-unbounded-cache), measured before any change made for them. The seeds
  // follow the fixed formula; they were committed while the collectors worked, before any pair was read
  // or placed.
  ...[22, 23, 24].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 22-24 collected 2026-12-04, seventh round, one idiom each), fixed by formula and committed before any pair was placed`,
    }),
  ),
  // Batches 25–27: an eighth round collected 2026-12-04, one idiom each (25 require-close,
  // 26 no-client-per-call, 27 no-unbounded-cache), measured before any change made for them. Seeds by
  // the fixed formula, committed before the collectors started.
  ...[25, 26, 27].map((batch) =>
    Object.freeze({
      batch,
      seed: 20261200 + batch,
      share: 1 / 3,
      method: `${SPLIT_METHOD}; seed = 20261200 + ${batch} (batches 25-27 collected 2026-12-04, eighth round, one idiom each), fixed by formula and committed before the collectors started`,
    }),
  ),
]);

/** The split record of `batch`. */
function splitOf(batch) {
  const split = SPLITS.find((entry) => entry.batch === batch);
  if (!split) throw new Error(`No split record for batch ${batch}: add one to SPLITS before staging it`);
  return split;
}

/** mulberry32, as tests/corpus/corpus-runner.cjs: tiny, seedable, the same sequence everywhere. */
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

/**
 * Which slugs are held out: per idiom (in IDIOMS order, one generator for all), the slugs sorted,
 * shuffled by a seeded Fisher–Yates, and the first round(n × share) taken. Returns a Set.
 */
function seededSplit(cases, seed = SPLIT_SEED, share = HELD_OUT_SHARE) {
  const random = prng(seed);
  const heldOut = new Set();
  for (const idiom of IDIOMS) {
    const slugs = cases.filter((entry) => entry.idiom === idiom).map((entry) => entry.slug).sort();
    for (let index = slugs.length - 1; index > 0; index--) {
      const pick = Math.floor(random() * (index + 1));
      [slugs[index], slugs[pick]] = [slugs[pick], slugs[index]];
    }
    for (const slug of slugs.slice(0, Math.round(slugs.length * share))) heldOut.add(slug);
  }
  return heldOut;
}

/** The held-out slugs of every batch, each batch drawn with its own record in SPLITS. */
function seededSplitByBatch(cases) {
  const heldOut = new Set();
  for (const batch of [...new Set(cases.map((entry) => entry.batch ?? 1))]) {
    const split = splitOf(batch);
    for (const slug of seededSplit(cases.filter((entry) => (entry.batch ?? 1) === batch), split.seed, split.share)) heldOut.add(slug);
  }
  return heldOut;
}

function headerTag(source, tag) {
  return new RegExp(`^// ${tag}: (.+)$`, 'm').exec(source)?.[1]?.trim();
}

/**
 * The pairs in `folder`: slug, idiom (= the rule that should report the before file), header citation, and
 * the collection batch (`// Batch: N`; batch 1's files predate the header and carry none).
 */
function readPairs(folder) {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((file) => /\.before\.(ts|js)$/.test(file))
    .sort()
    .map((file) => {
      const slug = file.replace(/\.before\.(ts|js)$/, '');
      const extension = path.extname(file);
      const beforePath = path.join(folder, file);
      const afterPath = path.join(folder, `${slug}.after${extension}`);
      const before = readFileSync(beforePath, 'utf8');
      const rule = headerTag(before, 'Rule')?.replace(/^leakguard\//, '');
      if (!IDIOMS.includes(rule)) throw new Error(`${file}: its "// Rule:" header names no measured rule`);
      if (!existsSync(afterPath)) throw new Error(`${file}: no ${slug}.after${extension} beside it`);
      const batchTag = headerTag(before, 'Batch');
      const batch = batchTag === undefined ? 1 : Number(batchTag);
      if (!Number.isInteger(batch) || batch < 1) throw new Error(`${file}: its "// Batch:" header is not a batch number`);
      return {
        slug,
        idiom: rule,
        rule,
        batch,
        extension,
        source: headerTag(before, 'Source') ?? '',
        leaks: headerTag(before, 'Leak') ?? '',
        beforePath,
        afterPath,
      };
    });
}

function partFolder(part) {
  if (!PARTS.includes(part)) throw new Error(`Unknown part '${part}': ${PARTS.join(', ')}`);
  return path.join(fixturesRoot, part);
}

/**
 * One program over a part's fixtures, resolved against this repository's node_modules (the fixtures
 * sit inside it): what `recommended-type-checked` gets in a project that type-checks these files.
 * JavaScript goes in too (allowJs), as in a TypeScript project that still has .js files.
 */
function createFixtureProgram(files) {
  const options = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts', 'lib.esnext.disposable.d.ts'],
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    moduleDetection: ts.ModuleDetectionKind.Force,
    allowJs: true,
    checkJs: false,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [path.join(repoRoot, 'node_modules', '@types')],
  };
  // The parts' programs (and those of the corpus and codemod tests) share lib and node_modules files.
  return ts.createProgram({ rootNames: files, options, host: sharingCompilerHost(options) });
}

function sourceTypeOf(code, extension) {
  if (extension !== '.js') return 'module';
  return /^\s*(import|export)\s/m.test(code) ? 'module' : 'commonjs';
}

/**
 * Rule settings laid over the presets for a measurement of a variant (`scripts/accuracy.mjs --rules`):
 * an option's value measured on the same pairs as the defaults. Empty for every recorded number.
 */
let ruleOverrides = {};

function setRuleOverrides(rules) {
  ruleOverrides = { ...rules };
}

/** The published presets as a user configures them; typed with the part's program. */
function lintConfig(code, extension, program) {
  const sourceType = sourceTypeOf(code, extension);
  const files = SOURCE_EXTENSIONS.map((ext) => `**/*${ext}`);
  const linterOptions = { reportUnusedDisableDirectives: 'off' };
  if (program) {
    const preset = publishedPlugin.configs['recommended-type-checked'];
    return [
      {
        ...preset,
        rules: { ...preset.rules, ...ruleOverrides },
        files,
        linterOptions,
        languageOptions: {
          ...preset.languageOptions,
          sourceType,
          parserOptions: { ...preset.languageOptions.parserOptions, projectService: false, programs: [program] },
        },
      },
    ];
  }
  const preset = publishedPlugin.configs.recommended;
  const typescript = extension === '.ts';
  return [
    {
      ...preset,
      rules: { ...preset.rules, ...ruleOverrides },
      files,
      linterOptions,
      languageOptions: typescript ? { parser: require('@typescript-eslint/parser'), sourceType } : { ecmaVersion: 'latest', sourceType },
    },
  ];
}

function lintFile(file, extension, program, code = readFileSync(file, 'utf8')) {
  const linter = new Linter({ cwd: path.dirname(file) });
  const messages = linter.verify(code, lintConfig(code, extension, program), { filename: file, allowInlineConfig: false });
  const fatal = messages.find((message) => message.fatal);
  return {
    parseError: fatal ? `${fatal.line}:${fatal.column} ${fatal.message}` : undefined,
    findings: messages.filter((message) => message.ruleId?.startsWith('leakguard/')).map((message) => ({ rule: message.ruleId.slice('leakguard/'.length), line: message.line, messageId: message.messageId })),
  };
}

/** The codemod that fixes `rule` (the three idioms measured here each have one). */
function codemodFor(rule) {
  const codemod = codemodDescriptors.find((entry) => entry.fixes.some((fixed) => fixed.name === rule));
  if (!codemod) throw new Error(`No codemod fixes ${rule}`);
  return codemod;
}

/**
 * The paired codemod on `file`; its output is checked by `checkOutput` (measurePart says when).
 */
function runPairedCodemod(file, extension, rule, program) {
  const descriptor = codemodFor(rule);
  const name = descriptor.name;
  const result = runCodemod(descriptor, { source: readFileSync(file, 'utf8'), filePath: file, ...(program ? { program } : {}) });
  const fixed = result.outcomes.filter((outcome) => outcome.status === 'fixed').length;
  const skipped = result.outcomes.length - fixed;
  return {
    codemod: name,
    fixed,
    skipped,
    output: result.output,
    parseError: result.parseError ? `${result.parseError.line}:${result.parseError.column} ${result.parseError.message}` : undefined,
    reasons: result.outcomes.filter((outcome) => outcome.status !== 'fixed').map((outcome) => outcome.reason ?? ''),
  };
}

/** The measured verdict of a codemod run: what `runPairedCodemod` found plus the check of its output. */
function codemodVerdict(run, checked) {
  return {
    codemod: run.codemod,
    fixed: run.fixed,
    skipped: run.skipped,
    // The paired rule on the output: each skipped site keeps reporting (its todo marker); more than
    // that is a fix the rule does not accept.
    stillReported: checked ? Math.max(0, checked.findings - run.skipped) : 0,
    // Typed runs: TypeScript errors (strict) in the output that the input did not have.
    newTypeErrors: checked ? checked.newTypeErrors : [],
    parseError: run.parseError,
    reasons: run.reasons,
  };
}

/**
 * The codemod outputs `checkOutput` checks typed, one program each (the output in place of its file,
 * every other file as before) with a fresh checker that re-resolves everything the output touches
 * (lib, @types/node, the packages): most of the measurement's time. Only TypeScript outputs need a
 * program of their own, for the TypeScript errors an output adds: those are compared by message text,
 * and a checker words a message after the types it has already built (which union member an
 * elaboration names), so the texts are only comparable checked as they always were.
 *
 * JavaScript outputs (checkJs off: no TypeScript errors are compared) only get the paired rule; they
 * are linted at the end of the part in one program holding every JavaScript output in place of its
 * file. The fixtures are independent modules, so each output has the same types there as in a program
 * of its own: what a file sees of another fixture is only what it imports or references from it, or
 * what that fixture declares globally. `fixturesIndependent` checks exactly that; where it fails, each
 * output gets its own program as before.
 */
function checkOutputsTogether(outputs, extensionOf, ruleOf, program) {
  const checked = new Map();
  if (outputs.size === 0) return checked;
  const shared = programWithTexts(program, outputs);
  const independent = fixturesIndependent(program, shared, outputs);
  for (const [file, output] of outputs) {
    const outputProgram = independent ? shared : programWithTexts(program, new Map([[file, output]]));
    checked.set(file, checkOutput(file, extensionOf(file), ruleOf(file), output, program, outputProgram));
  }
  return checked;
}

/** Whether `checkOutput` compares TypeScript errors for this output (typed runs, TypeScript files). */
function comparesTypeErrors(extension, program) {
  return program !== undefined && /\.[cm]?tsx?$/.test(extension);
}

/** The check of one output; `outputProgram` (typed) holds the output in place of `file`. */
function checkOutput(file, extension, rule, output, program, outputProgram) {
  const findings = lintFile(file, extension, outputProgram, output).findings.filter((finding) => finding.rule === rule).length;
  if (!comparesTypeErrors(extension, program)) return { findings, newTypeErrors: [] };
  const before = diagnosticTexts(program, file);
  const after = diagnosticTexts(outputProgram, file);
  for (const text of before) {
    const index = after.indexOf(text);
    if (index >= 0) after.splice(index, 1);
  }
  return { findings, newTypeErrors: after };
}

/** `program` with each file of `texts` (path → text) replaced by its text; the rest reused. */
function programWithTexts(program, texts) {
  const options = program.getCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  const readFile = host.readFile.bind(host);
  const replaced = new Map([...texts].map(([file, text]) => [path.resolve(file), text]));
  host.getSourceFile = (name, languageVersion, ...rest) => {
    const text = replaced.get(path.resolve(name));
    if (text !== undefined) return ts.createSourceFile(name, text, languageVersion, true);
    // A package installed twice at one version is a redirect in `program`; the checker asserts that a
    // host never hands one back, so such a file is read afresh.
    const reused = program.getSourceFile(name);
    return reused && !reused.redirectInfo ? reused : getSourceFile(name, languageVersion, ...rest);
  };
  host.readFile = (name) => replaced.get(path.resolve(name)) ?? readFile(name);
  return ts.createProgram({ rootNames: program.getRootFileNames(), options, host, oldProgram: program });
}

/**
 * Whether the part's fixtures cannot see each other, in `program` and in `shared` (the outputs in
 * place): no root file imports or references another root file, and no replaced file augments a
 * module or the global scope. Then each output's types are the same in `shared` as in a program of
 * its own.
 */
function fixturesIndependent(program, shared, outputs) {
  const roots = new Set(program.getRootFileNames().map((file) => path.resolve(file)));
  const options = program.getCompilerOptions();
  for (const candidate of [program, shared]) {
    for (const root of roots) {
      const sourceFile = candidate.getSourceFile(root);
      if (!sourceFile) return false;
      const specifiers = [...sourceFile.imports.map((literal) => literal.text), ...sourceFile.referencedFiles.map((reference) => reference.fileName)];
      for (const specifier of specifiers) {
        if (!/^[./]/.test(specifier)) continue; // a package: node_modules, never a fixture
        const resolved = ts.resolveModuleName(specifier, root, options, ts.sys).resolvedModule?.resolvedFileName;
        const target = resolved ? path.resolve(resolved) : path.resolve(path.dirname(root), specifier);
        if (roots.has(target)) return false;
      }
    }
    for (const file of outputs.keys()) {
      const sourceFile = candidate.getSourceFile(file);
      if (!sourceFile || (sourceFile.moduleAugmentations?.length ?? 0) > 0 || !ts.isExternalModule(sourceFile)) return false;
    }
  }
  return true;
}

function diagnosticTexts(program, file) {
  const sourceFile = program.getSourceFile(file);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '));
}

/** Every pair of `part`, in one mode: per-file verdicts and the part's totals. */
function measurePart(part, { typed }) {
  const pairs = readPairs(partFolder(part));
  const program = typed ? createFixtureProgram(pairs.flatMap((pair) => [pair.beforePath, pair.afterPath])) : undefined;
  // Pair by pair as a user would check them (the order the part's checker sees them in is part of
  // what the TypeScript-error texts compare, see checkOutputsTogether); JavaScript outputs typed at the end.
  const together = new Map();
  const measured = pairs.map((pair) => {
    const before = lintFile(pair.beforePath, pair.extension, program);
    const after = lintFile(pair.afterPath, pair.extension, program);
    const run = runPairedCodemod(pair.beforePath, pair.extension, pair.rule, program);
    let checked;
    if (run.output !== undefined) {
      if (program && !comparesTypeErrors(pair.extension, program)) together.set(pair.beforePath, run.output);
      else checked = checkOutput(pair.beforePath, pair.extension, pair.rule, run.output, program, program ? programWithTexts(program, new Map([[pair.beforePath, run.output]])) : undefined);
    }
    return { pair, before, after, run, checked };
  });
  const pairOf = new Map(pairs.map((pair) => [pair.beforePath, pair]));
  const checkedTogether = program ? checkOutputsTogether(together, (file) => pairOf.get(file).extension, (file) => pairOf.get(file).rule, program) : new Map();
  const files = measured.map(({ pair, before, after, run, checked }) => {
    const codemod = codemodVerdict(run, checked ?? checkedTogether.get(pair.beforePath));
    const beforeHits = before.findings.filter((finding) => finding.rule === pair.rule);
    const afterHits = after.findings.filter((finding) => finding.rule === pair.rule);
    return {
      slug: pair.slug,
      idiom: pair.idiom,
      rule: pair.rule,
      batch: pair.batch,
      extension: pair.extension,
      detected: beforeHits.length > 0,
      beforeFindings: beforeHits.length,
      quietAfter: afterHits.length === 0,
      afterFindings: afterHits.length,
      otherFindings: [...before.findings, ...after.findings].filter((finding) => finding.rule !== pair.rule).length,
      parseErrors: [before.parseError, after.parseError, codemod.parseError].filter(Boolean),
      codemod,
    };
  });
  return { part, typed, files, totals: totalsOf(files) };
}

function totalsOf(files) {
  const count = (list, predicate) => list.filter(predicate).length;
  const byBatch = {};
  for (const batch of [...new Set(files.map((file) => file.batch))].sort((a, b) => a - b)) {
    const subset = files.filter((file) => file.batch === batch);
    byBatch[batch] = {
      pairs: subset.length,
      detected: count(subset, (file) => file.detected),
      quietAfter: count(subset, (file) => file.quietAfter),
      codemodFixed: subset.reduce((sum, file) => sum + file.codemod.fixed, 0),
      codemodSkipped: subset.reduce((sum, file) => sum + file.codemod.skipped, 0),
      codemodStillReported: subset.reduce((sum, file) => sum + file.codemod.stillReported, 0),
      codemodNewTypeErrors: count(subset, (file) => file.codemod.newTypeErrors.length > 0),
      byIdiom: Object.fromEntries(IDIOMS.map((idiom) => [idiom, { pairs: count(subset, (file) => file.idiom === idiom), detected: count(subset, (file) => file.idiom === idiom && file.detected), quietAfter: count(subset, (file) => file.idiom === idiom && file.quietAfter) }])),
    };
  }
  const byIdiom = {};
  for (const idiom of IDIOMS) {
    const subset = files.filter((file) => file.idiom === idiom);
    byIdiom[idiom] = {
      pairs: subset.length,
      detected: count(subset, (file) => file.detected),
      quietAfter: count(subset, (file) => file.quietAfter),
      codemodFixed: subset.reduce((sum, file) => sum + file.codemod.fixed, 0),
      codemodSkipped: subset.reduce((sum, file) => sum + file.codemod.skipped, 0),
      codemodStillReported: subset.reduce((sum, file) => sum + file.codemod.stillReported, 0),
      codemodNewTypeErrors: count(subset, (file) => file.codemod.newTypeErrors.length > 0),
    };
  }
  return {
    pairs: files.length,
    detected: count(files, (file) => file.detected),
    quietAfter: count(files, (file) => file.quietAfter),
    codemodFixed: files.reduce((sum, file) => sum + file.codemod.fixed, 0),
    codemodSkipped: files.reduce((sum, file) => sum + file.codemod.skipped, 0),
    codemodStillReported: files.reduce((sum, file) => sum + file.codemod.stillReported, 0),
    codemodNewTypeErrors: count(files, (file) => file.codemod.newTypeErrors.length > 0),
    parseErrors: count(files, (file) => file.parseErrors.length > 0),
    byIdiom,
    byBatch,
  };
}

/** Both parts, both modes. */
function measureAll() {
  const runs = [];
  for (const part of PARTS) for (const typed of [true, false]) runs.push(measurePart(part, { typed }));
  return runs;
}

/**
 * What may leave the runner: the development part in full, the held-out part as totals only. Every
 * printer and the JSON output go through this.
 */
function summarise(runs) {
  return runs.map((run) => (run.part === 'held-out' ? { part: run.part, typed: run.typed, totals: run.totals } : run));
}

function ratio(numerator, denominator) {
  if (denominator === 0) return 'n/a';
  return `${numerator}/${denominator} (${Math.round((100 * numerator) / denominator)} %)`;
}

function formatMarkdown(runs) {
  const lines = [];
  const safe = summarise(runs);
  lines.push('## Totals', '');
  lines.push('| part | mode | pairs | recall (before reported) | post-fix quiet (after not reported) | codemod fixed / sites | fixes the rule still reports | outputs with new TS errors |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const run of safe) {
    const t = run.totals;
    lines.push(
      `| ${run.part} | ${run.typed ? 'typed' : 'untyped'} | ${t.pairs} | ${ratio(t.detected, t.pairs)} | ${ratio(t.quietAfter, t.pairs)} | ${ratio(t.codemodFixed, t.codemodFixed + t.codemodSkipped)} | ${t.codemodStillReported} | ${run.typed ? t.codemodNewTypeErrors : 'n/a'} |`,
    );
  }
  lines.push('', '## By idiom', '');
  lines.push('| part | mode | idiom | pairs | recall | post-fix quiet | codemod fixed / sites |');
  lines.push('|---|---|---|---|---|---|---|');
  for (const run of safe) {
    for (const idiom of IDIOMS) {
      const t = run.totals.byIdiom[idiom];
      lines.push(`| ${run.part} | ${run.typed ? 'typed' : 'untyped'} | ${idiom} | ${t.pairs} | ${ratio(t.detected, t.pairs)} | ${ratio(t.quietAfter, t.pairs)} | ${ratio(t.codemodFixed, t.codemodFixed + t.codemodSkipped)} |`);
    }
  }
  lines.push('', '## By batch', '');
  lines.push('| part | mode | batch | pairs | recall | post-fix quiet | codemod fixed / sites | fixes the rule still reports | outputs with new TS errors |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const run of safe) {
    for (const [batch, t] of Object.entries(run.totals.byBatch)) {
      lines.push(
        `| ${run.part} | ${run.typed ? 'typed' : 'untyped'} | ${batch} | ${t.pairs} | ${ratio(t.detected, t.pairs)} | ${ratio(t.quietAfter, t.pairs)} | ${ratio(t.codemodFixed, t.codemodFixed + t.codemodSkipped)} | ${t.codemodStillReported} | ${run.typed ? t.codemodNewTypeErrors : 'n/a'} |`,
      );
    }
  }
  const development = safe.filter((run) => run.part === 'development');
  if (development.length > 0) {
    lines.push('', '## Development part, per file', '');
    lines.push('| pair | batch | rule | before reported (typed / untyped) | after quiet (typed / untyped) | codemod fixed/skipped (typed / untyped) |');
    lines.push('|---|---|---|---|---|---|');
    const typedRun = development.find((run) => run.typed);
    const untypedRun = development.find((run) => !run.typed);
    const mark = (value) => (value ? 'yes' : 'no');
    for (const file of (typedRun ?? untypedRun).files) {
      const typedFile = typedRun?.files.find((entry) => entry.slug === file.slug);
      const untypedFile = untypedRun?.files.find((entry) => entry.slug === file.slug);
      const both = (pick) => `${typedFile ? pick(typedFile) : '-'} / ${untypedFile ? pick(untypedFile) : '-'}`;
      lines.push(
        `| ${file.slug}${file.extension} | ${file.batch} | ${file.rule} | ${both((entry) => mark(entry.detected))} | ${both((entry) => mark(entry.quietAfter))} | ${both((entry) => `${entry.codemod.fixed}/${entry.codemod.skipped}`)} |`,
      );
    }
    const problems = (typedRun ?? untypedRun).files.flatMap((file) => [
      ...(file.codemod.stillReported > 0 ? [`- ${file.slug}${file.extension}: the rule still reports ${file.codemod.stillReported} fixed site(s) on the codemod's output`] : []),
      ...file.codemod.newTypeErrors.map((text) => `- ${file.slug}${file.extension}: new TypeScript error in the codemod's output: ${text}`),
    ]);
    if (problems.length > 0) lines.push('', '### Codemod outputs to look at', '', ...problems);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The numbers the regression floor keeps: totals per part and mode (and per idiom), and for the
 * development part the slugs each mode detects and keeps quiet (a floor on counts alone would let
 * one pair's loss hide behind another's gain).
 */
function floorOf(runs) {
  const floor = {};
  for (const run of runs) {
    const key = `${run.part}/${run.typed ? 'typed' : 'untyped'}`;
    const entry = {
      detected: run.totals.detected,
      quietAfter: run.totals.quietAfter,
      codemodFixed: run.totals.codemodFixed,
      byIdiom: Object.fromEntries(IDIOMS.map((idiom) => [idiom, { detected: run.totals.byIdiom[idiom].detected, quietAfter: run.totals.byIdiom[idiom].quietAfter }])),
      byBatch: Object.fromEntries(Object.entries(run.totals.byBatch).map(([batch, t]) => [batch, { detected: t.detected, quietAfter: t.quietAfter, codemodFixed: t.codemodFixed }])),
    };
    // A ceiling, not a floor: on the development part it must stay 0 (its outputs can be read and
    // fixed); the held-out part records what is there, since nobody here opens its files.
    if (run.part !== 'development' && run.totals.codemodNewTypeErrors > 0) entry.knownNewTypeErrors = run.totals.codemodNewTypeErrors;
    if (run.part === 'development') {
      entry.detectedPairs = run.files.filter((file) => file.detected).map((file) => file.slug);
      entry.quietPairs = run.files.filter((file) => file.quietAfter).map((file) => file.slug);
    }
    floor[key] = entry;
  }
  return floor;
}

module.exports = {
  repoRoot,
  setRuleOverrides,
  fixturesRoot,
  PARTS,
  IDIOMS,
  SPLIT_SEED,
  HELD_OUT_SHARE,
  SPLITS,
  splitOf,
  seededSplit,
  seededSplitByBatch,
  readPairs,
  partFolder,
  measurePart,
  measureAll,
  summarise,
  formatMarkdown,
  floorOf,
};

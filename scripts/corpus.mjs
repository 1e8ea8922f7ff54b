// `npm run corpus`: every JS/TS source in node_modules (under the size cap, deduplicated) through every
// leakguard rule and codemod, untyped and then typed (per package, in a temporary copy with the
// package's own tsconfig or a generated one). Prints the counts of both halves side by side; exits 1
// on a crash, an unparsable or rejected codemod output, a non-idempotent one, or a changed output with
// more type errors than its input. The seeded CI sample is tests/corpus/corpus.test.ts.
//   node scripts/corpus.mjs [--size-cap <bytes>] [--limit <n>] [--package <dir>]... [--untyped-only | --typed-only]
//                           [--json <file>] [--verbose]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import corpusRunner from '../tests/corpus/corpus-runner.cjs';
import typedRunner from '../tests/corpus/corpus-typed-runner.cjs';

const { collectCorpusFiles, DEFAULT_SIZE_CAP, formatTotals, runCorpus } = corpusRunner;
const { formatTypedTotals, packageRootOf, runTypedCorpus } = typedRunner;

const { values } = parseArgs({
  options: {
    'size-cap': { type: 'string' },
    limit: { type: 'string' },
    // A package folder relative to node_modules (`mongodb`, `@grpc/grpc-js`, `a/node_modules/b`).
    package: { type: 'string', multiple: true },
    'untyped-only': { type: 'boolean', default: false },
    'typed-only': { type: 'boolean', default: false },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const started = performance.now();
const sizeCap = values['size-cap'] ? Number(values['size-cap']) : DEFAULT_SIZE_CAP;
const collection = collectCorpusFiles({ sizeCap });
let files = collection.files;
if (values.package) files = files.filter((file) => values.package.includes(packageRootOf(file.path)));
if (values.limit) files = files.slice(0, Number(values.limit));
console.log(
  `corpus: ${files.length} files from ${collection.root} (${collection.duplicates} duplicates by content, ${collection.declarationFiles} declaration files left out, ${collection.oversized.length} above the ${sizeCap} byte cap)`,
);
for (const skipped of collection.oversized) console.log(`  skipped by size cap: ${skipped.path} (${skipped.size} bytes)`);

const isBroken = (result) => result.lint.crashes.length > 0 || result.codemods.some((codemod) => codemod.crash || codemod.unparsable || codemod.rejectedRewrite || codemod.nonIdempotent);
let lastProgress = performance.now();
function progress(text) {
  if (process.stderr.isTTY && performance.now() - lastProgress > 1000) {
    lastProgress = performance.now();
    process.stderr.write(`\r${text}`);
  }
}

let totals;
/** The untyped result of every file, without the rewritten texts: the typed half's comparison column. */
// eslint-disable-next-line leakguard/no-unbounded-cache -- one entry per corpus file, for one run of this script
const untypedResults = new Map();
if (!values['typed-only']) {
  const untypedStarted = performance.now();
  totals = runCorpus(files, {
    onFile(file, result, index) {
      const broken = isBroken(result);
      if (broken || values.verbose) console.log(`${broken ? 'PROBLEM' : 'ok'} ${file.path} (${Math.round(result.milliseconds)} ms)`);
      untypedResults.set(file.path, { ...result, codemods: result.codemods.map((codemod) => ({ ...codemod, output: undefined })) });
      progress(`untyped ${index + 1}/${files.length}`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  totals.wallMilliseconds = performance.now() - untypedStarted;
}

let typedTotals;
if (!values['untyped-only']) {
  const typedStarted = performance.now();
  typedTotals = runTypedCorpus(files, {
    untypedResults,
    compareUntyped: values['typed-only'],
    onFile(file, result, index) {
      const broken = isBroken(result) || result.typeChecks.some((comparison) => comparison.error || comparison.after > comparison.before);
      if (broken || values.verbose) console.log(`${broken ? 'PROBLEM' : 'ok'} typed (${result.project} tsconfig) ${file.path} (${Math.round(result.milliseconds)} ms)`);
      progress(`typed ${index + 1}/${files.length}`);
    },
    onPackage(pkg, summary) {
      if (values.verbose) console.log(`package ${pkg.relativeRoot}: ${summary.typed} typed, ${summary.untyped} not typed, ${(summary.milliseconds / 1000).toFixed(1)} s`);
    },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  typedTotals.wallMilliseconds = performance.now() - typedStarted;
}

const problemKinds = [
  ['crash', 'crashes'],
  ['unparsable output', 'unparsableOutputs'],
  ['rewrite rejected by runCodemod', 'rejectedRewrites'],
  ['non-idempotent output', 'nonIdempotentOutputs'],
];
const problems = [];
for (const [half, halfTotals] of [
  ['untyped', totals],
  ['typed', typedTotals],
]) {
  if (!halfTotals) continue;
  for (const [kind, key] of problemKinds) for (const entry of halfTotals[key]) problems.push({ half, kind, ...entry });
}
if (typedTotals) {
  for (const entry of typedTotals.typeCheck.regressions) {
    problems.push({ half: 'typed', kind: 'type-check regression', file: entry.file, codemod: entry.codemod, error: `${entry.before} → ${entry.after} errors; new:\n${entry.newDiagnostics.join('\n')}` });
  }
  for (const entry of typedTotals.typeCheck.errors) problems.push({ half: 'typed', kind: 'type-check comparison failed', ...entry });
  for (const entry of typedTotals.typedOnlyParseFailures) problems.push({ half: 'typed', kind: 'parse failure only with a program', ...entry });
}
for (const entry of problems) {
  console.log(`${entry.half} ${entry.kind}: ${entry.file} ${entry.rule ?? entry.codemod ?? ''}\n  ${String(entry.error).split('\n').slice(0, 12).join('\n  ')}`);
}
if (values.verbose) {
  for (const [half, halfTotals] of [
    ['untyped', totals],
    ['typed', typedTotals],
  ]) {
    for (const failure of halfTotals?.lintParseFailures ?? []) console.log(`does not parse (${half} ESLint): ${failure.file} ${failure.error}`);
    for (const failure of halfTotals?.codemodParseFailures ?? []) console.log(`does not parse (${half} typescript-estree): ${failure.file} ${failure.error}`);
  }
  for (const entry of typedTotals?.untypedFiles ?? []) console.log(`not typed: ${entry.file}: ${entry.reason}`);
  for (const entry of typedTotals?.ownTsconfigsRefused ?? []) console.log(`own tsconfig not used: ${entry.package}: ${entry.reason}`);
  for (const entry of typedTotals?.findingDifferences ?? []) console.log(`typed ≠ untyped: ${entry.file} ${JSON.stringify({ rules: entry.rules, codemods: entry.codemods })}`);
}

if (totals) {
  console.log(`— untyped (every file) —\n${formatTotals(totals)}\nuntyped wall time: ${(totals.wallMilliseconds / 1000).toFixed(1)} s`);
}
if (typedTotals) {
  console.log(`— typed —\n${formatTypedTotals(typedTotals)}\ntyped wall time: ${(typedTotals.wallMilliseconds / 1000).toFixed(1)} s`);
  console.log(`linted typed: ${typedTotals.files} files; untyped only: ${files.length - typedTotals.files} files${totals ? ` (all ${totals.files} were linted untyped)` : ''}`);
}
console.log(`wall time: ${((performance.now() - started) / 1000).toFixed(1)} s; problems: ${problems.length}`);
if (values.json) {
  const typed = typedTotals && { ...typedTotals, untypedSameFiles: undefined, untypedSameFilesTotals: typedTotals.untypedSameFiles };
  writeFileSync(
    values.json,
    `${JSON.stringify({ sizeCap, oversized: collection.oversized, duplicates: collection.duplicates, declarationFiles: collection.declarationFiles, untyped: totals, typed, problems }, null, 2)}\n`,
  );
}
process.exitCode = problems.length > 0 ? 1 : 0;

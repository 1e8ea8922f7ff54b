// `npm run corpus`: every JS/TS source in node_modules (under the size cap, deduplicated) through every
// leakguard rule and codemod. Prints the counts; exits 1 on a crash, an unparsable or rejected
// codemod output, or a non-idempotent one. The seeded CI sample is tests/corpus/corpus.test.ts.
//   node scripts/corpus.mjs [--size-cap <bytes>] [--limit <n>] [--json <file>] [--verbose]
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import corpusRunner from '../tests/corpus/corpus-runner.cjs';

const { collectCorpusFiles, DEFAULT_SIZE_CAP, formatTotals, runCorpus } = corpusRunner;

const { values } = parseArgs({
  options: {
    'size-cap': { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const started = performance.now();
const sizeCap = values['size-cap'] ? Number(values['size-cap']) : DEFAULT_SIZE_CAP;
const collection = collectCorpusFiles({ sizeCap });
const files = values.limit ? collection.files.slice(0, Number(values.limit)) : collection.files;
console.log(
  `corpus: ${files.length} files from ${collection.root} (${collection.duplicates} duplicates by content, ${collection.declarationFiles} declaration files left out, ${collection.oversized.length} above the ${sizeCap} byte cap)`,
);
for (const skipped of collection.oversized) console.log(`  skipped by size cap: ${skipped.path} (${skipped.size} bytes)`);

let lastProgress = performance.now();
const totals = runCorpus(files, {
  onFile(file, result, index) {
    const broken = result.lint.crashes.length > 0 || result.codemods.some((codemod) => codemod.crash || codemod.unparsable || codemod.rejectedRewrite || codemod.nonIdempotent);
    if (broken || values.verbose) console.log(`${broken ? 'PROBLEM' : 'ok'} ${file.path} (${Math.round(result.milliseconds)} ms)`);
    if (process.stderr.isTTY && performance.now() - lastProgress > 1000) {
      lastProgress = performance.now();
      process.stderr.write(`\r${index + 1}/${files.length}`);
    }
  },
});
if (process.stderr.isTTY) process.stderr.write('\n');

const problems = [
  ['crash', totals.crashes],
  ['unparsable output', totals.unparsableOutputs],
  ['rewrite rejected by runCodemod', totals.rejectedRewrites],
  ['non-idempotent output', totals.nonIdempotentOutputs],
];
for (const [kind, list] of problems) {
  for (const entry of list) console.log(`${kind}: ${entry.file} ${entry.rule ?? entry.codemod ?? ''}\n  ${String(entry.error).split('\n').slice(0, 8).join('\n  ')}`);
}
if (values.verbose) {
  for (const failure of totals.lintParseFailures) console.log(`does not parse (ESLint): ${failure.file} ${failure.error}`);
  for (const failure of totals.codemodParseFailures) console.log(`does not parse (typescript-estree): ${failure.file} ${failure.error}`);
}
console.log(formatTotals(totals));
console.log(`wall time: ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify({ sizeCap, oversized: collection.oversized, duplicates: collection.duplicates, declarationFiles: collection.declarationFiles, ...totals }, null, 2)}\n`);
}
process.exitCode = problems.some(([, list]) => list.length > 0) ? 1 : 0;

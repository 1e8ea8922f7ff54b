// Splits a folder of before/after pairs into the accuracy fixtures, once, before anything is
// measured: a seeded third of each idiom (tests/accuracy/accuracy-runner.cjs `seededSplit`) goes to
// tests/accuracy/fixtures/held-out/, the rest to tests/accuracy/fixtures/development/, and each part
// gets its manifest (the development one is tests/accuracy/cases.json; the held-out one stays inside
// the held-out folder, which people changing the rules do not open).
//
//   node scripts/accuracy-split.mjs <staging-folder>   copy the pairs and write the manifests
//   node scripts/accuracy-split.mjs --check            the committed split is the seeded one
//
// It prints counts only: the held-out names are nobody's business.
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const runner = require('../tests/accuracy/accuracy-runner.cjs');

function manifestEntry(pair, part) {
  return { slug: pair.slug, file: `fixtures/${part}/${pair.slug}.before${pair.extension}`, idiom: pair.idiom, rule: `leakguard/${pair.rule}`, source: pair.source, leaks: pair.leaks };
}

function writeManifests(development, heldOut) {
  const accuracyDir = path.join(runner.repoRoot, 'tests', 'accuracy');
  const split = { seed: runner.SPLIT_SEED, heldOutShare: runner.HELD_OUT_SHARE, method: 'per idiom: slugs sorted, seeded Fisher-Yates (mulberry32), first round(n x share) held out' };
  writeFileSync(
    path.join(accuracyDir, 'cases.json'),
    `${JSON.stringify({ split, heldOut: { manifest: 'fixtures/held-out/cases.json', pairs: heldOut.length }, cases: development.map((pair) => manifestEntry(pair, 'development')) }, null, 2)}\n`,
  );
  writeFileSync(path.join(runner.partFolder('held-out'), 'cases.json'), `${JSON.stringify({ split, cases: heldOut.map((pair) => manifestEntry(pair, 'held-out')) }, null, 2)}\n`);
}

function counts(pairs) {
  return runner.IDIOMS.map((idiom) => `${idiom} ${pairs.filter((pair) => pair.idiom === idiom).length}`).join(', ');
}

const argument = process.argv[2];
if (argument === '--check') {
  const development = runner.readPairs(runner.partFolder('development'));
  const heldOut = runner.readPairs(runner.partFolder('held-out'));
  const expected = runner.seededSplit([...development, ...heldOut]);
  const misplaced = [...development.filter((pair) => expected.has(pair.slug)), ...heldOut.filter((pair) => !expected.has(pair.slug))].length;
  console.log(`development: ${counts(development)}; held-out: ${counts(heldOut)}; misplaced by the seeded split: ${misplaced}`);
  process.exit(misplaced === 0 ? 0 : 1);
}
if (!argument || !existsSync(argument)) {
  console.error('usage: node scripts/accuracy-split.mjs <staging-folder> | --check');
  process.exit(2);
}
const staged = runner.readPairs(path.resolve(argument));
const heldOutSlugs = runner.seededSplit(staged);
for (const part of runner.PARTS) mkdirSync(runner.partFolder(part), { recursive: true });
for (const part of runner.PARTS) {
  if (readdirSync(runner.partFolder(part)).some((file) => /\.before\./.test(file))) {
    console.error(`${part} already holds pairs: the split is done once.`);
    process.exit(1);
  }
}
for (const pair of staged) {
  const part = heldOutSlugs.has(pair.slug) ? 'held-out' : 'development';
  copyFileSync(pair.beforePath, path.join(runner.partFolder(part), path.basename(pair.beforePath)));
  copyFileSync(pair.afterPath, path.join(runner.partFolder(part), path.basename(pair.afterPath)));
}
const development = runner.readPairs(runner.partFolder('development'));
const heldOut = runner.readPairs(runner.partFolder('held-out'));
writeManifests(development, heldOut);
console.log(`development: ${development.length} pairs (${counts(development)}); held-out: ${heldOut.length} pairs (${counts(heldOut)})`);

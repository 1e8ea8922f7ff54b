// Splits a collected batch of before/after pairs into the accuracy fixtures, once, before anything is
// measured on it: a seeded third of each idiom of that batch (tests/accuracy/accuracy-runner.cjs
// `seededSplit`, with the batch's own record in `SPLITS`) goes to tests/accuracy/fixtures/held-out/, the
// rest to tests/accuracy/fixtures/development/. Earlier batches stay where they are: each batch is drawn
// over its own pairs only. Both manifests are rewritten from the folders (the development one is
// tests/accuracy/cases.json; the held-out one stays inside the held-out folder, which people changing the
// rules do not open).
//
//   node scripts/accuracy-split.mjs <staging-folder> --batch <n>   place batch n (its before files carry "// Batch: n")
//   node scripts/accuracy-split.mjs --check                        every batch sits where its seeded draw puts it
//   node scripts/accuracy-split.mjs --manifests                    rewrite both manifests from the folders (after merging batches)
//
// It prints counts only: the held-out names are nobody's business.
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const runner = require('../tests/accuracy/accuracy-runner.cjs');

function manifestEntry(pair, part) {
  return { slug: pair.slug, batch: pair.batch, file: `fixtures/${part}/${pair.slug}.before${pair.extension}`, idiom: pair.idiom, rule: `leakguard/${pair.rule}`, source: pair.source, leaks: pair.leaks };
}

function splitRecords(pairs) {
  const batches = [...new Set(pairs.map((pair) => pair.batch))].sort((a, b) => a - b);
  return batches.map((batch) => ({ ...runner.splitOf(batch) }));
}

function writeManifests(development, heldOut) {
  const accuracyDir = path.join(runner.repoRoot, 'tests', 'accuracy');
  const splits = splitRecords([...development, ...heldOut]);
  writeFileSync(
    path.join(accuracyDir, 'cases.json'),
    `${JSON.stringify({ splits, heldOut: { manifest: 'fixtures/held-out/cases.json', pairs: heldOut.length }, cases: development.map((pair) => manifestEntry(pair, 'development')) }, null, 2)}\n`,
  );
  writeFileSync(path.join(runner.partFolder('held-out'), 'cases.json'), `${JSON.stringify({ splits, cases: heldOut.map((pair) => manifestEntry(pair, 'held-out')) }, null, 2)}\n`);
}

function counts(pairs) {
  return runner.IDIOMS.map((idiom) => `${idiom} ${pairs.filter((pair) => pair.idiom === idiom).length}`).join(', ');
}

function currentParts() {
  return { development: runner.readPairs(runner.partFolder('development')), heldOut: runner.readPairs(runner.partFolder('held-out')) };
}

function check() {
  const { development, heldOut } = currentParts();
  let misplacedTotal = 0;
  for (const batch of [...new Set([...development, ...heldOut].map((pair) => pair.batch))].sort((a, b) => a - b)) {
    const split = runner.splitOf(batch);
    const inBatch = (pair) => pair.batch === batch;
    const expected = runner.seededSplit([...development, ...heldOut].filter(inBatch), split.seed, split.share);
    const misplaced = development.filter((pair) => inBatch(pair) && expected.has(pair.slug)).length + heldOut.filter((pair) => inBatch(pair) && !expected.has(pair.slug)).length;
    misplacedTotal += misplaced;
    console.log(`batch ${batch} (seed ${split.seed}): development ${counts(development.filter(inBatch))}; held-out ${counts(heldOut.filter(inBatch))}; misplaced by its seeded split: ${misplaced}`);
  }
  return misplacedTotal;
}

function place(stagingFolder, batch) {
  const split = runner.splitOf(batch);
  const staged = runner.readPairs(path.resolve(stagingFolder));
  if (staged.length === 0) throw new Error(`${stagingFolder} holds no pairs`);
  const foreign = staged.filter((pair) => pair.batch !== batch).length;
  if (foreign > 0) throw new Error(`${foreign} staged pair(s) do not carry "// Batch: ${batch}"`);
  const { development, heldOut } = currentParts();
  const existing = [...development, ...heldOut];
  if (existing.some((pair) => pair.batch === batch)) throw new Error(`batch ${batch} is already placed: a batch is split once`);
  const taken = new Set(existing.map((pair) => pair.slug));
  const clashes = staged.filter((pair) => taken.has(pair.slug)).length;
  if (clashes > 0) throw new Error(`${clashes} staged slug(s) are already used by an earlier batch: rename them`);

  const heldOutSlugs = runner.seededSplit(staged, split.seed, split.share);
  for (const part of runner.PARTS) mkdirSync(runner.partFolder(part), { recursive: true });
  for (const pair of staged) {
    const part = heldOutSlugs.has(pair.slug) ? 'held-out' : 'development';
    copyFileSync(pair.beforePath, path.join(runner.partFolder(part), path.basename(pair.beforePath)));
    copyFileSync(pair.afterPath, path.join(runner.partFolder(part), path.basename(pair.afterPath)));
  }
  const after = currentParts();
  writeManifests(after.development, after.heldOut);
  const placedDevelopment = after.development.filter((pair) => pair.batch === batch);
  const placedHeldOut = after.heldOut.filter((pair) => pair.batch === batch);
  console.log(`batch ${batch} (seed ${split.seed}): development ${placedDevelopment.length} pairs (${counts(placedDevelopment)}); held-out ${placedHeldOut.length} pairs (${counts(placedHeldOut)})`);
}

const [argument, flag, value] = process.argv.slice(2);
if (argument === '--check') {
  process.exit(check() === 0 ? 0 : 1);
}
if (argument === '--manifests') {
  // Batches placed on separate branches meet in the manifests: rewrite both from the folders.
  const { development, heldOut } = currentParts();
  writeManifests(development, heldOut);
  console.log(`manifests rewritten: development ${development.length} pairs, held-out ${heldOut.length} pairs`);
  process.exit(0);
}
if (!argument || !existsSync(argument) || flag !== '--batch' || !Number.isInteger(Number(value))) {
  console.error('usage: node scripts/accuracy-split.mjs <staging-folder> --batch <n> | --check | --manifests');
  process.exit(2);
}
try {
  place(argument, Number(value));
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  codemodNames,
  collectCorpusFiles,
  formatTotals,
  ruleNames,
  runCorpus,
  seededSample,
  type CorpusFile,
  type CorpusTotals,
} from './corpus-runner.cjs';

/**
 * CI's slice of the robustness corpus (`npm run corpus` runs all of it): a fixed, seeded sample of the
 * JS/TS sources in node_modules, the same files on every machine with the same lockfile, through every
 * rule and every codemod. Library code rarely holds the clients and handles we know (no-client-per-call
 * fires nowhere in node_modules), so known leaks ride along: the real-world leak fixes of the rule
 * tests and one untyped codemod fixture per other pair. A run where nothing fires cannot pass as success.
 */
const SAMPLE_SEED = 0x1eac9a4d;
const SAMPLE_SIZE = 300;
/** Below the full run's 1 MB cap, so one 900 KB bundle cannot decide the sample's time. */
const SAMPLE_SIZE_CAP = 256 * 1024;

const realWorldFolder = path.join(__dirname, '..', 'rules', 'real-world');
const testsRoot = path.join(__dirname, '..');
function riderFile(relativePath: string): CorpusFile {
  const absolutePath = path.join(testsRoot, relativePath);
  return { path: `tests/${relativePath}`, absolutePath, extension: path.extname(relativePath), size: statSync(absolutePath).size };
}
const realWorldLeaks: CorpusFile[] = [
  ...readdirSync(realWorldFolder)
    .filter((file) => file.includes('.before.'))
    .sort()
    .map((file) => riderFile(`rules/real-world/${file}`)),
  riderFile('codemods/singleton-client/commonjs-require.input.cjs'),
  riderFile('codemods/bounded-cache/commonjs-require.input.cjs'),
  // Suggestion-only rules have no codemod fixtures: their runtime-proof programs ride along.
  riderFile('leaks/programs/export-rows-backpressure.mjs'),
  riderFile('leaks/programs/fetch-json-response-body.mjs'),
];

function problems(totals: CorpusTotals, kind: 'crashes' | 'unparsableOutputs' | 'rejectedRewrites' | 'nonIdempotentOutputs'): string {
  return totals[kind].map((entry) => `${entry.file} ${entry.rule ?? entry.codemod ?? ''}: ${entry.error.split('\n').slice(0, 6).join('\n')}`).join('\n\n');
}

describe('the seeded node_modules sample', () => {
  const collection = collectCorpusFiles({ sizeCap: SAMPLE_SIZE_CAP });
  const sample = seededSample(collection.files, SAMPLE_SIZE, SAMPLE_SEED);
  let totals: CorpusTotals;

  it(`draws ${SAMPLE_SIZE} files and runs them and the known leaks through every rule and codemod`, () => {
    expect(sample).toHaveLength(SAMPLE_SIZE);
    expect(realWorldLeaks.length).toBeGreaterThan(0);
    const started = performance.now();
    totals = runCorpus([...sample, ...realWorldLeaks]);
    console.log(
      `corpus sample (seed ${SAMPLE_SEED.toString(16)}, ${SAMPLE_SIZE} of ${collection.files.length} files ≤ ${SAMPLE_SIZE_CAP} bytes, + ${realWorldLeaks.length} known leaks) in ${((performance.now() - started) / 1000).toFixed(1)} s\n${formatTotals(totals)}`,
    );
    expect(totals.files).toBe(SAMPLE_SIZE + realWorldLeaks.length);
  }, 300_000);

  it('crashes no rule and no codemod', () => {
    expect(problems(totals, 'crashes')).toBe('');
  });

  it('emits only codemod outputs that parse again, and never has its own rewrite rejected', () => {
    expect(problems(totals, 'unparsableOutputs')).toBe('');
    expect(problems(totals, 'rejectedRewrites')).toBe('');
  });

  it('emits codemod outputs that a second run leaves unchanged', () => {
    expect(problems(totals, 'nonIdempotentOutputs')).toBe('');
  });

  it('parses almost every sampled file: a parser misconfiguration would fail most of them', () => {
    expect(totals.lintParseFailures.length).toBeLessThan(SAMPLE_SIZE / 20);
    expect(totals.codemodParseFailures.length).toBeLessThan(SAMPLE_SIZE / 20);
  });

  it('has every rule and every codemod actually run: something fires and something is rewritten', () => {
    expect(Object.keys(totals.findingsPerRule).sort()).toEqual([...ruleNames]);
    expect(Object.keys(totals.perCodemod).sort()).toEqual([...codemodNames]);
    expect(Object.values(totals.findingsPerRule).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
    expect(Object.values(totals.perCodemod).some((counts) => counts.filesChanged > 0)).toBe(true);
    // Every rule reports something and every codemod rewrites something: the known leaks see to that.
    for (const rule of ruleNames) expect(totals.findingsPerRule[rule], rule).toBeGreaterThan(0);
    for (const codemod of codemodNames) expect(totals.perCodemod[codemod].filesChanged, codemod).toBeGreaterThan(0);
  });
});

describe('the corpus file list', () => {
  it('is sorted, deduplicated by content, free of declaration files, and within the size cap', () => {
    const collection = collectCorpusFiles({ sizeCap: SAMPLE_SIZE_CAP });
    const paths = collection.files.map((file) => file.path);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(collection.files.map((file) => file.hash)).size).toBe(collection.files.length);
    expect(paths.filter((file) => /\.d\.[cm]?ts$/.test(file))).toEqual([]);
    expect(collection.files.every((file) => file.size <= SAMPLE_SIZE_CAP)).toBe(true);
    expect(collection.files.length).toBeGreaterThan(1000);
  });

  it('gives the same sample for the same seed and another for another seed', () => {
    const { files } = collectCorpusFiles({ sizeCap: SAMPLE_SIZE_CAP });
    const first = seededSample(files, 50, SAMPLE_SEED).map((file) => file.path);
    expect(seededSample(files, 50, SAMPLE_SEED).map((file) => file.path)).toEqual(first);
    expect(seededSample(files, 50, SAMPLE_SEED + 1).map((file) => file.path)).not.toEqual(first);
  });
});

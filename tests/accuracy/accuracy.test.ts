import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { IDIOMS, PARTS, SPLITS, floorOf, measureAll, partFolder, readPairs, seededSplit, type FloorEntry, type Pair, type PartRun, type SplitRecord } from './accuracy-runner.cjs';

/**
 * A regression floor under the accuracy measurement (scripts/accuracy.mjs, docs/accuracy.md): real
 * leak fixes from public projects, the code before each fix and after it. Recall (before files the
 * expected rule reports), quiet (after files it leaves alone) and the codemod's fixed sites may only
 * go up; tests/accuracy/floor.json holds today's numbers (`node scripts/accuracy.mjs --write-floor`
 * after an improvement raises it). The held-out part is checked on totals only, and no assertion
 * message names one of its files.
 */
interface FloorFile {
  readonly measuredAt: string;
  readonly floor: Record<string, FloorEntry>;
}

const floorFile = JSON.parse(readFileSync(path.join(__dirname, 'floor.json'), 'utf8')) as FloorFile;

interface Manifest {
  readonly splits: readonly SplitRecord[];
  readonly heldOut?: { manifest: string; pairs: number };
  readonly cases: readonly { slug: string; batch: number; idiom: string; rule: string; source: string; leaks: string; file: string }[];
}

const developmentManifest = JSON.parse(readFileSync(path.join(__dirname, 'cases.json'), 'utf8')) as Manifest;
const heldOutManifest = JSON.parse(readFileSync(path.join(partFolder('held-out'), 'cases.json'), 'utf8')) as Manifest;

let runs: PartRun[] = [];
let measured: Record<string, FloorEntry> = {};
// 142 pairs, four programs and the codemods: ~95 s alone, ~130 s on two shared cores — over the global 120 s hook timeout.
beforeAll(() => {
  runs = measureAll();
  measured = floorOf(runs);
}, 360_000);

/** `recorded` lists what the floor holds; the names missing from `now`, or only their count for the held-out part. */
function lost(recorded: readonly string[] | undefined, now: readonly string[] | undefined): string[] {
  const current = new Set(now ?? []);
  return (recorded ?? []).filter((slug) => !current.has(slug));
}

describe('the accuracy fixtures', () => {
  const pairsOf = (part: (typeof PARTS)[number]): Pair[] => readPairs(partFolder(part));

  it('hold at least 40 real leak fixes, every idiom a batch collected in both parts', () => {
    const all = PARTS.flatMap(pairsOf);
    expect(all.length).toBeGreaterThanOrEqual(40);
    for (const idiom of IDIOMS) expect(all.filter((pair) => pair.idiom === idiom).length, `${idiom}: pairs in all batches`).toBeGreaterThan(0);
    // Batches 4–6 collected one idiom each: a batch answers for the idioms it collected, each in both parts.
    for (const batch of new Set(all.map((pair) => pair.batch))) {
      const collected = IDIOMS.filter((idiom) => all.some((pair) => pair.batch === batch && pair.idiom === idiom));
      for (const part of PARTS) {
        for (const idiom of collected) expect(pairsOf(part).filter((pair) => pair.batch === batch && pair.idiom === idiom).length, `batch ${batch}, ${part}: ${idiom}`).toBeGreaterThan(0);
      }
    }
  });

  it('were split by the seeded, stratified draw, not by hand — each batch by its own', () => {
    const development = pairsOf('development');
    const heldOut = pairsOf('held-out');
    const batches = [...new Set([...development, ...heldOut].map((pair) => pair.batch))].sort((a, b) => a - b);
    // Every batch has its record, the same in the runner and in both manifests (batch 1's is the original one).
    expect(developmentManifest.splits.map((split) => split.batch)).toEqual(batches);
    expect(heldOutManifest.splits).toEqual(developmentManifest.splits);
    expect(SPLITS.find((split) => split.batch === 1)).toMatchObject({ seed: 0x1eac, share: 1 / 3 });
    for (const split of developmentManifest.splits) {
      expect(SPLITS.find((entry) => entry.batch === split.batch), `batch ${split.batch}: the runner's record`).toEqual(split);
      const inBatch = (pair: Pair) => pair.batch === split.batch;
      const expected = seededSplit([...development, ...heldOut].filter(inBatch), split.seed, split.share);
      const misplaced = development.filter((pair) => inBatch(pair) && expected.has(pair.slug)).length + heldOut.filter((pair) => inBatch(pair) && !expected.has(pair.slug)).length;
      expect(misplaced, `batch ${split.batch}: pairs on the wrong side of its seeded split`).toBe(0);
    }
  });

  it('each cite their source and say what leaks, in the manifests too', () => {
    for (const part of PARTS) {
      const manifest = part === 'development' ? developmentManifest : heldOutManifest;
      const pairs = pairsOf(part);
      expect(manifest.cases.map((entry) => `${entry.slug}@${entry.batch}`).sort(), `${part}: manifest and folder`).toEqual(pairs.map((pair) => `${pair.slug}@${pair.batch}`).sort());
      const uncited = pairs.filter((pair) => !/https:\/\/github\.com\//.test(pair.source) || pair.leaks.length < 20).length;
      expect(uncited, `${part}: pairs without a GitHub citation or a "Leak:" line`).toBe(0);
    }
    expect(developmentManifest.heldOut?.pairs).toBe(heldOutManifest.cases.length);
  });
});

describe('accuracy on real leak fixes does not fall below the recorded floor', () => {
  for (const part of PARTS) {
    for (const mode of ['typed', 'untyped'] as const) {
      const key = `${part}/${mode}`;
      it(`${key}: recall, post-fix quiet and codemod fixes`, () => {
        const floor = floorFile.floor[key];
        const now = measured[key];
        expect(floor, `floor.json has no entry for ${key}`).toBeDefined();
        expect(now, `no measurement for ${key}`).toBeDefined();
        if (!floor || !now) return;
        const run = runs.find((entry) => entry.part === part && entry.typed === (mode === 'typed'));
        expect(run?.totals.parseErrors, `${key}: fixtures that do not parse`).toBe(0);
        // Not floors but invariants of every codemod: the paired rule accepts what it fixed, and a fix
        // adds no TypeScript error (strict) to a file. The held-out part may record outputs that do
        // (`knownNewTypeErrors`, a ceiling): nobody here opens its files to fix them, and the count
        // may only fall. The development part has none.
        expect(run?.totals.codemodStillReported, `${key}: fixed sites the rule still reports`).toBe(0);
        const knownNewTypeErrors = part === 'development' ? 0 : (floor.knownNewTypeErrors ?? 0);
        expect(run?.totals.codemodNewTypeErrors, `${key}: codemod outputs with new TypeScript errors`).toBeLessThanOrEqual(knownNewTypeErrors);
        expect(now.detected, `${key}: before files reported`).toBeGreaterThanOrEqual(floor.detected);
        expect(now.quietAfter, `${key}: after files left quiet`).toBeGreaterThanOrEqual(floor.quietAfter);
        expect(now.codemodFixed, `${key}: sites the codemods fixed`).toBeGreaterThanOrEqual(floor.codemodFixed);
        for (const idiom of IDIOMS) {
          expect(now.byIdiom[idiom].detected, `${key} ${idiom}: before files reported`).toBeGreaterThanOrEqual(floor.byIdiom[idiom].detected);
          expect(now.byIdiom[idiom].quietAfter, `${key} ${idiom}: after files left quiet`).toBeGreaterThanOrEqual(floor.byIdiom[idiom].quietAfter);
        }
        for (const [batch, batchFloor] of Object.entries(floor.byBatch ?? {})) {
          const batchNow = now.byBatch?.[batch];
          expect(batchNow, `${key}: no measurement for batch ${batch}`).toBeDefined();
          expect(batchNow?.detected, `${key} batch ${batch}: before files reported`).toBeGreaterThanOrEqual(batchFloor.detected);
          expect(batchNow?.quietAfter, `${key} batch ${batch}: after files left quiet`).toBeGreaterThanOrEqual(batchFloor.quietAfter);
          expect(batchNow?.codemodFixed, `${key} batch ${batch}: sites the codemods fixed`).toBeGreaterThanOrEqual(batchFloor.codemodFixed);
        }
        if (part === 'development') {
          expect(lost(floor.detectedPairs, now.detectedPairs), `${key}: pairs no longer reported`).toEqual([]);
          expect(lost(floor.quietPairs, now.quietPairs), `${key}: after files reported now`).toEqual([]);
        }
      });
    }
  }
});

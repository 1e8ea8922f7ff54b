// Types for accuracy-runner.cjs (plain CommonJS: vitest's accuracy test and scripts/accuracy.mjs both load it, no build step of its own).

export type Idiom = 'require-close' | 'no-client-per-call' | 'no-unbounded-cache';
export type Part = 'development' | 'held-out';

export declare const repoRoot: string;
export declare const fixturesRoot: string;
export declare const PARTS: readonly Part[];
export declare const IDIOMS: readonly Idiom[];
/** Batch 1's seed and share (kept as named constants; SPLITS holds every batch's record). */
export declare const SPLIT_SEED: number;
export declare const HELD_OUT_SHARE: number;

/** How one collected batch was split: its own seeded, stratified draw over its own pairs. */
export interface SplitRecord {
  readonly batch: number;
  readonly seed: number;
  readonly share: number;
  readonly method: string;
}

export declare const SPLITS: readonly SplitRecord[];

export interface Pair {
  readonly slug: string;
  readonly idiom: Idiom;
  readonly rule: Idiom;
  /** The collection batch (`// Batch: N` header; 1 where there is none). */
  readonly batch: number;
  readonly extension: '.ts' | '.js';
  readonly source: string;
  readonly leaks: string;
  readonly beforePath: string;
  readonly afterPath: string;
}

export interface CodemodVerdict {
  readonly codemod: string;
  readonly fixed: number;
  readonly skipped: number;
  /** Fixed sites the paired rule still reports on the codemod's output. */
  readonly stillReported: number;
  /** Typed runs, TypeScript files: errors (strict) in the output that the input did not have. */
  readonly newTypeErrors: string[];
  readonly parseError?: string;
  readonly reasons: string[];
}

export interface FileVerdict {
  readonly slug: string;
  readonly idiom: Idiom;
  readonly rule: Idiom;
  readonly batch: number;
  readonly extension: string;
  readonly detected: boolean;
  readonly beforeFindings: number;
  readonly quietAfter: boolean;
  readonly afterFindings: number;
  readonly otherFindings: number;
  readonly parseErrors: string[];
  readonly codemod: CodemodVerdict;
}

export interface Counts {
  readonly pairs: number;
  readonly detected: number;
  readonly quietAfter: number;
  readonly codemodFixed: number;
  readonly codemodSkipped: number;
  readonly codemodStillReported: number;
  /** Files whose codemod output has a TypeScript error its input did not have (typed runs). */
  readonly codemodNewTypeErrors: number;
}

export interface BatchCounts extends Counts {
  readonly byIdiom: Record<Idiom, { pairs: number; detected: number; quietAfter: number }>;
}

export interface PartTotals extends Counts {
  readonly parseErrors: number;
  readonly byIdiom: Record<Idiom, Counts>;
  /** Keyed by batch number (as a string, like any JSON key). */
  readonly byBatch: Record<string, BatchCounts>;
}

export interface PartRun {
  readonly part: Part;
  readonly typed: boolean;
  readonly files: FileVerdict[];
  readonly totals: PartTotals;
}

/** What may leave the runner: held-out runs carry totals only. */
export type SafeRun = PartRun | { readonly part: Part; readonly typed: boolean; readonly totals: PartTotals };

export interface FloorEntry {
  readonly detected: number;
  readonly quietAfter: number;
  readonly codemodFixed: number;
  readonly byIdiom: Record<Idiom, { detected: number; quietAfter: number }>;
  /** Per batch, so one batch's loss cannot hide behind another's gain. */
  readonly byBatch?: Record<string, { detected: number; quietAfter: number; codemodFixed: number }>;
  readonly detectedPairs?: string[];
  readonly quietPairs?: string[];
  /** Held-out only: codemod outputs with a new TypeScript error, recorded as a ceiling (nobody opens those files). */
  readonly knownNewTypeErrors?: number;
}

export declare function splitOf(batch: number): SplitRecord;
export declare function seededSplit(cases: readonly { slug: string; idiom: Idiom }[], seed?: number, share?: number): Set<string>;
/** Held-out slugs over every batch, each drawn with its own SPLITS record. */
export declare function seededSplitByBatch(cases: readonly { slug: string; idiom: Idiom; batch?: number }[]): Set<string>;
export declare function readPairs(folder: string): Pair[];
export declare function partFolder(part: Part): string;
export declare function measurePart(part: Part, options: { typed: boolean }): PartRun;
export declare function measureAll(): PartRun[];
export declare function summarise(runs: readonly PartRun[]): SafeRun[];
export declare function formatMarkdown(runs: readonly PartRun[]): string;
export declare function floorOf(runs: readonly PartRun[]): Record<string, FloorEntry>;

// Types for corpus-runner.cjs (plain CommonJS: vitest's CommonJS tests and scripts/corpus.mjs both load it, no build step of its own).

export declare const repoRoot: string;
export declare const ruleNames: readonly string[];
export declare const codemodNames: readonly string[];
export declare const DEFAULT_SIZE_CAP: number;
export declare const SOURCE_EXTENSIONS: readonly string[];

export interface CorpusFile {
  /** Relative to the collection root, `/`-separated: what reports show. */
  readonly path: string;
  readonly absolutePath: string;
  readonly extension: string;
  readonly size: number;
  readonly hash?: string;
}

export interface CorpusCollection {
  readonly root: string;
  readonly sizeCap: number;
  readonly files: CorpusFile[];
  readonly oversized: { path: string; size: number }[];
  readonly declarationFiles: number;
  readonly duplicates: number;
}

export interface SourceLocation {
  readonly extension: string;
  /** A neutral name (`/corpus/<n>.ts`) untyped; with a program, the file's real path in it. */
  readonly virtualPath: string;
  /** Typed: a TypeScript program that holds `virtualPath` (lint, codemods). */
  readonly program?: import('typescript').Program;
}

export interface LintLocation extends SourceLocation {
  /** Typed through typescript-eslint's own program of this tsconfig (`parserOptions.project`). */
  readonly tsconfigPath?: string;
}

export interface LintCrash {
  readonly stage: 'lint';
  readonly rule: string | null;
  readonly sourceType: string;
  readonly error: string;
}

export interface LintResult {
  /** `module`, `commonjs`, or undefined when the file did not parse. */
  readonly parsedAs: string | undefined;
  readonly parseError: string | undefined;
  readonly findings: Record<string, number>;
  readonly crashes: LintCrash[];
}

export interface CodemodCheck {
  readonly codemod: string;
  readonly parseError: string | undefined;
  readonly changed: boolean;
  readonly fixed: number;
  readonly skipped: number;
  readonly crash: string | undefined;
  readonly unparsable: string | undefined;
  readonly rejectedRewrite: string | undefined;
  readonly nonIdempotent: string | undefined;
  readonly output: string | undefined;
}

export interface SourceCheck {
  readonly lint: LintResult;
  readonly codemods: CodemodCheck[];
  readonly milliseconds: number;
}

export interface ProblemEntry {
  readonly file: string;
  readonly error: string;
  readonly rule?: string | null;
  readonly codemod?: string;
  readonly stage?: string;
}

export interface CorpusTotals {
  files: number;
  bytes: number;
  lintParseFailures: ProblemEntry[];
  codemodParseFailures: ProblemEntry[];
  crashes: ProblemEntry[];
  unparsableOutputs: ProblemEntry[];
  rejectedRewrites: ProblemEntry[];
  nonIdempotentOutputs: ProblemEntry[];
  findingsPerRule: Record<string, number>;
  filesWithFindingsPerRule: Record<string, number>;
  perCodemod: Record<string, { filesChanged: number; fixed: number; skipped: number }>;
  filesWithFindings: { file: string; findings: Record<string, number> }[];
  changedFiles: { file: string; codemods: string[] }[];
  slowest: { file: string; milliseconds: number }[];
  milliseconds: number;
}

export declare function isTypeScriptExtension(extension: string): boolean;
export declare function allowsJsx(extension: string): boolean;
export declare function collectCorpusFiles(options?: { root?: string; sizeCap?: number }): CorpusCollection;
export declare function seededSample<T extends { path: string }>(files: readonly T[], count: number, seed: number): T[];
export declare function lintSource(source: string, location: LintLocation): LintResult;
export declare function parseWithTypeScriptEstree(code: string, extension: string, virtualPath: string): string | undefined;
export declare function runCodemodOnSource(codemod: string, source: string, location: SourceLocation): CodemodCheck;
export declare function checkSource(source: string, location: SourceLocation): SourceCheck;
export declare function emptyTotals(): CorpusTotals;
export declare function addToTotals(totals: CorpusTotals, label: string, result: SourceCheck, size?: number): CorpusTotals;
export declare function runCorpus(
  files: readonly CorpusFile[],
  options?: { onFile?: (file: CorpusFile, result: SourceCheck, index: number) => void },
): CorpusTotals;
export declare function formatTotals(totals: CorpusTotals): string;

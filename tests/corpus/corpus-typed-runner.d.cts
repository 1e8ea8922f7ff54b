// Types for corpus-typed-runner.cjs (plain CommonJS, like corpus-runner.cjs).
import type ts from 'typescript';
import type { CodemodCheck, CorpusFile, CorpusTotals, ProblemEntry, SourceCheck } from './corpus-runner.cjs';

export declare const GENERATED_TSCONFIG: string;
export declare function generatedCompilerOptions(): Record<string, unknown>;

export interface CorpusPackage {
  /** Relative to the collection root, `/`-separated: `mongodb`, `@grpc/grpc-js`, `a/node_modules/b`. */
  readonly relativeRoot: string;
  readonly absoluteRoot: string;
  readonly files: CorpusFile[];
}

export interface CorpusProject {
  readonly kind: 'own' | 'generated';
  readonly tsconfigPath: string;
  readonly parsed: ts.ParsedCommandLine;
  readonly files: CorpusFile[];
}

export interface PreparedPackage {
  /** The workspace folder of this package: removing it removes the copy. */
  readonly slot: string;
  readonly copyRoot: string;
  copyPathOf(file: CorpusFile): string;
  readonly projects: CorpusProject[];
  /** Why the package's own tsconfig.json was not used, when it ships one. */
  readonly ownTsconfigRefused: string | undefined;
}

export interface Workspace {
  readonly dir: string;
  nextSlot(): string;
  remove(): void;
}

export interface TypeCheckComparison {
  readonly codemod: string;
  /** Syntactic + semantic errors of the input and of the codemod's output, with checkJs on. */
  readonly before: number;
  readonly after: number;
  /** What the output has that the input has not (message texts, as multisets). */
  readonly newDiagnostics: string[];
  readonly error?: string;
}

export interface TypedFileResult extends SourceCheck {
  readonly typeChecks: TypeCheckComparison[];
  readonly project: 'own' | 'generated';
  /** The same file untyped, when the run compares. */
  readonly untyped: SourceCheck | undefined;
}

export interface TypedTotals extends CorpusTotals {
  packages: number;
  packagesWithOwnTsconfig: { package: string; files: number }[];
  ownTsconfigsRefused: { package: string; reason: string }[];
  untypedFiles: { file: string; reason: string }[];
  /** Typed parse errors of files that typescript-estree parses without a program. */
  typedOnlyParseFailures: ProblemEntry[];
  typeCheck: {
    compared: number;
    regressions: (TypeCheckComparison & { file: string })[];
    errors: ProblemEntry[];
    diagnosticsBefore: number;
    diagnosticsAfter: number;
  };
  untypedSameFiles: CorpusTotals;
  findingDifferences: { file: string; rules: Record<string, [number, number]>; codemods: Record<string, unknown> }[];
  programMilliseconds: number;
}

export declare function packageRootOf(relativePath: string): string | undefined;
export declare function collectPackages(files: readonly CorpusFile[], root?: string): { packages: CorpusPackage[]; withoutPackage: { file: CorpusFile; reason: string }[] };
export declare function createWorkspace(prefix?: string): Workspace;
export declare function preparePackage(workspace: Workspace, pkg: CorpusPackage): PreparedPackage;
export declare function buildProgram(project: CorpusProject, overrides?: ts.CompilerOptions): ts.Program;
export declare function diagnosticMessages(program: ts.Program, fileName: string): string[];
export declare function newMessages(before: readonly string[], after: readonly string[]): string[];
export declare function compareTypeChecks(
  check: { readonly codemods: readonly Pick<CodemodCheck, 'codemod' | 'changed' | 'unparsable' | 'output'>[] },
  copyPath: string,
  context: { before: Map<string, string[]>; program(fileName: string): ts.Program },
): TypeCheckComparison[];
export declare function runTypedCorpus(
  files: readonly CorpusFile[],
  options?: {
    root?: string;
    untypedResults?: ReadonlyMap<string, SourceCheck>;
    compareUntyped?: boolean;
    onFile?: (file: CorpusFile, result: TypedFileResult, index: number) => void;
    onPackage?: (pkg: CorpusPackage, summary: { typed: number; untyped: number; milliseconds: number }) => void;
  },
): TypedTotals;
export declare function formatTypedTotals(totals: TypedTotals): string;

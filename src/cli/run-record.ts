import type { FixSettings } from './arguments';
import type { ExitCode } from './exit-codes';
import type { CodemodStep, FileFailure } from './file-transform';
import type { RequiredImport, RequiredPackage } from './required-packages';

/** What happened to one scanned file; the summary and both reports are built from these. */
export interface FileRecord {
  /** As shown to the user: relative to the working directory, `/`-separated. */
  readonly path: string;
  readonly typed: boolean;
  /** The codemods changed the text (written unless `--dry` or a write failure). */
  readonly changed: boolean;
  readonly written: boolean;
  readonly steps: readonly CodemodStep[];
  /** Packages the new text imports because a codemod fixed a site with them (`lru-cache`). Empty for failed files. */
  readonly requiredImports: readonly RequiredImport[];
  readonly failure?: FileFailure;
}

export interface RunRecord {
  readonly settings: FixSettings;
  /** Every scanned file, sorted by path. */
  readonly files: readonly FileRecord[];
  /** Files found under the given paths before `--shard` took its slice (equal to `files.length` without it). */
  readonly discoveredFiles: number;
  readonly workers: number;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly exitCode: ExitCode;
  /** What the user's projects must depend on for the output to build, per package and package.json. */
  readonly requiredPackages: readonly RequiredPackage[];
}

import type { FixSettings } from './arguments';
import type { ExitCode } from './exit-codes';
import type { CodemodStep, FileFailure } from './file-transform';

/** What happened to one scanned file; the summary and both reports are built from these. */
export interface FileRecord {
  /** As shown to the user: relative to the working directory, `/`-separated. */
  readonly path: string;
  readonly typed: boolean;
  /** The codemods changed the text (written unless `--dry` or a write failure). */
  readonly changed: boolean;
  readonly written: boolean;
  readonly steps: readonly CodemodStep[];
  readonly failure?: FileFailure;
}

export interface RunRecord {
  readonly settings: FixSettings;
  /** Every scanned file, sorted by path. */
  readonly files: readonly FileRecord[];
  readonly workers: number;
  readonly startedAt: Date;
  readonly durationMs: number;
  readonly exitCode: ExitCode;
}

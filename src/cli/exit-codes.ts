/**
 * The documented exit codes of `leakguard` (docs/cli.md). CI migration gates key on them, so a value
 * never changes meaning.
 */
export const ExitCode = {
  /** Every finding was fixed, or there was none. */
  success: 0,
  /** Findings remain in the code: skipped with a reason, or left unwritten by `--dry`. */
  findingsRemain: 1,
  /** Bad command line: unknown flag or codemod, missing or nonexistent paths, unknown git ref. */
  usage: 2,
  /** Refused to write: uncommitted changes under the given paths and no `--force`. */
  refusedDirtyTree: 3,
  /** Some files failed (did not parse, crashed a codemod, could not be written) or the run itself failed. */
  errors: 4,
  /**
   * Files were written that import a package (bounded-cache: lru-cache) their project does not declare:
   * the output does not build until it is installed. `--install` adds it. Ranks below `errors`, above
   * `findingsRemain`.
   */
  missingDependency: 5,
  /** Interrupted by SIGINT, or stdout closed by its reader: files already written are complete, the rest untouched. */
  interrupted: 130,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

import type { AddedFunction } from '../fix/text-edit';

/** What a codemod did with one finding: the CLI's report and `jscodeshift`'s `api.report` both show it. */
export interface FindingOutcome {
  readonly codemod: string;
  readonly ruleId: string;
  readonly line: number;
  /** 1-based, as editors and ESLint show it. */
  readonly column: number;
  readonly message: string;
  readonly status: 'fixed' | 'skipped';
  /** For `skipped`: why, in words a reviewer can act on. */
  readonly reason?: string;
  /** For `fixed`: functions the rewrite declared (a shared client's getter, its `close<Name>()` for graceful shutdown). */
  readonly added?: readonly AddedFunction[];
}

export interface CodemodResult {
  /** The rewritten source, or undefined when nothing changed (so untouched files are not reprinted). */
  readonly output: string | undefined;
  readonly outcomes: readonly FindingOutcome[];
  /** Set when the file does not parse: it is skipped, never half-written. */
  readonly parseError?: { readonly line: number; readonly column: number; readonly message: string };
}

/** How to run a codemod: its own options, and what the ESLint config says to the rules it fixes. */
export interface CodemodRunOptions {
  /** The codemod's own options (`style`, `max` …), validated against its descriptor. */
  readonly codemodOptions?: Readonly<Record<string, unknown>>;
  /** Options of each rule it fixes, by rule name, so the codemod sees exactly what the rules report. */
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** `settings.leakguard`, as in the ESLint config. */
  readonly settings?: unknown;
}

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
}

export interface CodemodResult {
  /** The rewritten source, or undefined when nothing changed (so untouched files are not reprinted). */
  readonly output: string | undefined;
  readonly outcomes: readonly FindingOutcome[];
  /** Set when the file does not parse: it is skipped, never half-written. */
  readonly parseError?: { readonly line: number; readonly column: number; readonly message: string };
}

export interface CodemodOptions {
  /** `try-finally-close`: `using` emits `using`/`await using` where the type is Disposable. */
  readonly style?: 'try-finally' | 'using';
  /** Rule options forwarded to the detector, so the codemod sees exactly what the rule reports. */
  readonly ruleOptions?: Readonly<Record<string, unknown>>;
  /** `settings.leakguard`, as in the ESLint config. */
  readonly settings?: unknown;
  /** `bounded-cache`: lru-cache's `max` (default 1000), also the entries an array keeps. */
  readonly max?: number;
  /** `bounded-cache`: lru-cache's `ttl` in milliseconds (none by default). */
  readonly ttl?: number;
}

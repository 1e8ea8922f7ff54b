import type { API, FileInfo, Options, Transform } from 'jscodeshift';
import type { CodemodOptions } from './outcome';
import { programForFile } from './project-program';
import { runCodemod } from './run-codemod';

/**
 * A transform that runs under plain `jscodeshift -t`. It parses the file itself (typescript-estree,
 * the AST the rules see, parser chosen from the extension), so jscodeshift's `--parser` does not
 * matter; it is typed when a tsconfig covers the file (`--typed=false` to skip, `--project` to choose).
 * `--style`, `--max` and `--ttl` mean what they mean to `leakguard fix`.
 */
export function jscodeshiftTransform(codemod: string): Transform {
  return (file: FileInfo, api: API, options: Options) => {
    if (/\.d\.[cm]?ts$/.test(file.path)) return undefined;
    const typed = options.typed !== false && options.typed !== 'false';
    const program = typed ? programForFile(file.path, typeof options.project === 'string' ? options.project : undefined) : undefined;
    const result = runCodemod(
      codemod,
      { source: file.source, filePath: file.path, ...(program ? { program } : {}) },
      codemodOptions(options),
    );
    if (result.parseError) {
      const { line, column, message } = result.parseError;
      throw new Error(`${file.path}:${line}:${column}: ${message}`);
    }
    for (const outcome of result.outcomes) {
      if (outcome.status === 'skipped') api.report(`${file.path}:${outcome.line}:${outcome.column}: not fixed: ${outcome.reason}`);
    }
    return result.output ?? undefined;
  };
}

const styles: ReadonlyArray<NonNullable<CodemodOptions['style']>> = ['try-finally', 'using'];

/**
 * jscodeshift passes unknown flags along, JSON-parsed when they parse (`--max=5` arrives as 5,
 * `--max 5abc` as a string, a bare `--ttl` as true). A bad value throws: a bound the user asked for
 * must not be dropped silently, and jscodeshift reports the error for each file.
 */
export function codemodOptions(options: Options): CodemodOptions {
  const style = options.style as unknown;
  if (style !== undefined && !styles.some((known) => known === style)) {
    throw new Error(`--style ${shown(style)}: use ${styles.join(' or ')}`);
  }
  const max = positiveWholeNumber('--max', options.max);
  const ttl = positiveWholeNumber('--ttl', options.ttl);
  return {
    ...(style === undefined ? {} : { style: style as NonNullable<CodemodOptions['style']> }),
    ...(max === undefined ? {} : { max }),
    ...(ttl === undefined ? {} : { ttl }),
  };
}

function positiveWholeNumber(flag: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const number = typeof value === 'string' && /^[1-9]\d*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isSafeInteger(number) || number < 1) {
    throw new Error(`${flag} ${shown(value)}: expected a positive whole number`);
  }
  return number;
}

/** As the user typed it, near enough: strings bare, anything else (true, 2.5, [1, 2]) as JSON. */
function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

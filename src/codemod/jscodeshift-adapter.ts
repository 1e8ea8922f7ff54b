import type { API, FileInfo, Options, Transform } from 'jscodeshift';
import type { AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';
import { parseOptionValue } from '../descriptors/option-spec';
import { programForFile } from './project-program';
import { runCodemod } from './run-codemod';

/**
 * A transform that runs under plain `jscodeshift -t`. It parses the file itself (typescript-estree,
 * the AST the rules see, parser chosen from the extension), so jscodeshift's `--parser` does not
 * matter; it is typed when a tsconfig covers the file (`--typed=false` to skip, `--project` to choose).
 * The codemod's own options (`--style`, `--max` …) mean what they mean to `leakguard fix`.
 */
export function jscodeshiftTransform(codemod: AnyCodemodDescriptor): Transform {
  return (file: FileInfo, api: API, options: Options) => {
    if (/\.d\.[cm]?ts$/.test(file.path)) return undefined;
    const typed = options.typed !== false && options.typed !== 'false';
    const program = typed ? programForFile(file.path, typeof options.project === 'string' ? options.project : undefined) : undefined;
    const result = runCodemod(
      codemod,
      { source: file.source, filePath: file.path, ...(program ? { program } : {}) },
      { codemodOptions: codemodOptions(codemod, options) },
    );
    if (result.parseError) {
      const { line, column, message } = result.parseError;
      throw new Error(`${file.path}:${line}:${column}: ${message}`);
    }
    for (const outcome of result.outcomes) {
      if (outcome.status === 'skipped') api.report(`${file.path}:${outcome.line}:${outcome.column}: not fixed: ${outcome.reason}`);
      // Nothing calls a shared client's close function until the user wires it into shutdown.
      for (const added of outcome.added ?? []) {
        if (added.purpose === 'graceful-shutdown') api.report(`${file.path}: added ${added.name}(): call it from your graceful shutdown`);
      }
    }
    return result.output ?? undefined;
  };
}

/**
 * The codemod's own options among jscodeshift's flags (which also carry its own: `--parser`, `--dry` …),
 * validated as `leakguard fix` validates them. A bad value throws, and jscodeshift reports the error
 * for each file: a bound the user asked for must not be dropped silently.
 */
export function codemodOptions(codemod: AnyCodemodDescriptor, options: Options): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(codemod.options)) {
    const given: unknown = options[name];
    if (given !== undefined) values[name] = parseOptionValue(`--${name}`, spec, given);
  }
  return values;
}

import type { API, FileInfo, Options, Transform } from 'jscodeshift';
import { programForFile } from './project-program';
import { runCodemod } from './run-codemod';

/**
 * A transform that runs under plain `jscodeshift -t`. It parses the file itself (typescript-estree,
 * the AST the rules see, parser chosen from the extension), so jscodeshift's `--parser` does not
 * matter; it is typed when a tsconfig covers the file (`--typed=false` to skip, `--project` to choose).
 */
export function jscodeshiftTransform(codemod: string): Transform {
  return (file: FileInfo, api: API, options: Options) => {
    if (/\.d\.[cm]?ts$/.test(file.path)) return undefined;
    const typed = options.typed !== false && options.typed !== 'false';
    const program = typed ? programForFile(file.path, typeof options.project === 'string' ? options.project : undefined) : undefined;
    const result = runCodemod(
      codemod,
      { source: file.source, filePath: file.path, ...(program ? { program } : {}) },
      { ...(options.style === 'using' ? { style: 'using' as const } : {}) },
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

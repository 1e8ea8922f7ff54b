import type { RunRecord } from './run-record';

/** A file and the `close<Name>()` functions the codemods added to it. */
export interface ShutdownFunctions {
  readonly path: string;
  readonly codemods: readonly string[];
  readonly names: readonly string[];
}

/**
 * The functions the rewrite added for graceful shutdown, per file: `singleton-client` exports a
 * `close<Name>()` for every client it made shared, and nothing calls it until the user does — a
 * migration that does not say so leaves pools open at exit, which is what it set out to fix.
 */
export function shutdownFunctionsOf(run: RunRecord): ShutdownFunctions[] {
  const found: ShutdownFunctions[] = [];
  for (const file of run.files) {
    if (file.failure || !file.changed) continue;
    const names: string[] = [];
    const codemods = new Set<string>();
    for (const step of file.steps) {
      for (const outcome of step.outcomes) {
        for (const added of outcome.added ?? []) {
          if (added.purpose !== 'graceful-shutdown' || names.includes(added.name)) continue;
          names.push(added.name);
          codemods.add(outcome.codemod);
        }
      }
    }
    if (names.length > 0) found.push({ path: file.path, codemods: [...codemods], names });
  }
  return found;
}

/** The summary's paragraph: which functions, where, and where they belong. */
export function shutdownFunctionLines(run: RunRecord): string[] {
  const files = shutdownFunctionsOf(run);
  if (files.length === 0) return [];
  const codemods = [...new Set(files.flatMap((file) => file.codemods))].join(', ');
  return [
    '',
    `${codemods} ${run.settings.dryRun ? 'would add' : 'added'} functions that nothing calls yet: call them from your graceful shutdown`,
    '(a SIGTERM handler, after server.close()) so the shared clients close when the process stops:',
    ...files.map((file) => `  ${file.path}: ${file.names.map((name) => `${name}()`).join(', ')}`),
  ];
}

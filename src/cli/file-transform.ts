import fs from 'node:fs';
import type ts from 'typescript';
import type { FindingOutcome } from '../codemod/outcome';
import type { AnyCodemodDescriptor } from '../descriptors/codemod-descriptor';
import { programForFile } from '../codemod/project-program';
import { runCodemod } from '../codemod/run-codemod';

/** One file for the worker pool: plain data, so it crosses a worker_threads boundary. */
export interface FileTransformRequest {
  /** Absolute. */
  readonly filePath: string;
  /** Applied in order, each to the previous one's output. */
  readonly codemods: readonly string[];
  /** The codemods' own options (`--style`, `--max` …), validated. */
  readonly codemodOptions: Readonly<Record<string, unknown>>;
  /** `settings.leakguard` from the user's ESLint config. */
  readonly settings?: unknown;
  /** Rule options from the user's ESLint config, by rule name. */
  readonly ruleOptions?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** `--project`: absolute tsconfig path; otherwise the nearest tsconfig of the file. */
  readonly project: string | undefined;
}

/** What one codemod did to the file. */
export interface CodemodStep {
  readonly codemod: string;
  readonly changed: boolean;
  readonly outcomes: readonly FindingOutcome[];
}

/** Why a file was left as it was. `parse` carries the position in the file as read. */
export interface FileFailure {
  readonly kind: 'parse' | 'crash' | 'write';
  readonly message: string;
  readonly codemod?: string;
  readonly line?: number;
  readonly column?: number;
  readonly stack?: string;
}

export interface FileTransform {
  readonly filePath: string;
  /** Analysed with a TypeScript program (a tsconfig includes the file). */
  readonly typed: boolean;
  /** The text read from disk: the base of diffs, and the proof nobody edited the file meanwhile. */
  readonly source: string;
  /** The text after every codemod, or undefined when nothing changed or a step failed. */
  readonly output: string | undefined;
  /** Empty when the file failed: the outcomes of a file that is not written would mislead. */
  readonly steps: readonly CodemodStep[];
  readonly failure?: FileFailure;
}

/**
 * Read a file and run the requested codemods over it. Never throws: a file that crashes a codemod
 * becomes a failure of that file, and the run goes on with the others.
 */
export function transformFile(request: FileTransformRequest, codemods: readonly AnyCodemodDescriptor[]): FileTransform {
  const { filePath } = request;
  let source: string;
  let program: ts.Program | undefined;
  try {
    source = fs.readFileSync(filePath, 'utf8');
    program = programForFile(filePath, request.project);
  } catch (error) {
    return { filePath, typed: false, source: '', output: undefined, steps: [], failure: crash(undefined, error) };
  }
  const typed = program !== undefined;
  const failed = (failure: FileFailure): FileTransform => ({ filePath, typed, source, output: undefined, steps: [], failure });

  let current = source;
  const steps: CodemodStep[] = [];
  for (const codemod of request.codemods) {
    let result;
    try {
      const descriptor = codemods.find((candidate) => candidate.name === codemod);
      if (!descriptor) throw new Error(`unknown codemod '${codemod}'`);
      // runCodemod hands the parser a program holding `current`, not the text on disk (see program-with-source).
      result = runCodemod(
        descriptor,
        { source: current, filePath, ...(program ? { program } : {}) },
        {
          codemodOptions: request.codemodOptions,
          ...(request.settings === undefined ? {} : { settings: request.settings }),
          ...(request.ruleOptions ? { ruleOptions: request.ruleOptions } : {}),
        },
      );
    } catch (error) {
      return failed(crash(codemod, error));
    }
    if (result.parseError) {
      const { line, column, message } = result.parseError;
      if (current === source) return failed({ kind: 'parse', line, column, message });
      // The file parsed before: an earlier codemod produced code that does not. Write nothing.
      const culprit = steps.filter((step) => step.changed).map((step) => step.codemod).join(', ');
      return failed({ kind: 'crash', codemod, message: `cannot parse the output of ${culprit} (${line}:${column}: ${message})` });
    }
    const output = result.output ?? current;
    steps.push({ codemod, changed: output !== current, outcomes: result.outcomes });
    current = output;
  }
  return { filePath, typed, source, output: current === source ? undefined : current, steps };
}

export function crash(codemod: string | undefined, error: unknown): FileFailure {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const stack = error instanceof Error ? error.stack : undefined;
  return { kind: 'crash', message, ...(codemod === undefined ? {} : { codemod }), ...(stack === undefined ? {} : { stack }) };
}

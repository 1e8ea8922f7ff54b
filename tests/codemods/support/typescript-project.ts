import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { sharingCompilerHost } from '../../../src/codemod/shared-source-files';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/**
 * A throwaway folder under the OS temp dir whose `node_modules` is a symlink to this repository's,
 * so `@types/node` and pg's types resolve as they would in a user's project. Fixtures are copied in
 * and type-checked together: one program per folder, because building programs is the slow part.
 */
export class FixtureProject {
  /** As a tsconfig.json says it: written out by `writeTsconfig` for tools that look for one. */
  static readonly compilerOptionsJson = {
    target: 'ES2022',
    // `await using` type-checks only with the disposable lib, as in this repository's own tsconfig.
    lib: ['ES2023', 'ESNext.Disposable'],
    module: 'Node16',
    moduleResolution: 'Node16',
    // Every fixture is its own module, so two fixtures may declare the same names.
    moduleDetection: 'force',
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: ['./node_modules/@types'],
    // `.tsx` fixtures bring their own factory (`/** @jsx h */`): no React here.
    jsx: 'preserve',
    noEmit: true,
  };

  readonly dir: string;
  readonly compilerOptions: ts.CompilerOptions;

  constructor(prefix: string) {
    this.dir = mkdtempSync(path.join(os.tmpdir(), `leakguard-${prefix}-`));
    symlinkSync(path.join(repoRoot, 'node_modules'), path.join(this.dir, 'node_modules'), 'dir');
    const converted = ts.convertCompilerOptionsFromJson(FixtureProject.compilerOptionsJson, this.dir);
    if (converted.errors.length > 0) throw new Error(ts.formatDiagnostics(converted.errors, ts.createCompilerHost({})));
    this.compilerOptions = converted.options;
  }

  /** A tsconfig.json over `include` (globs relative to the project folder); returns its path. */
  writeTsconfig(include: readonly string[]): string {
    return this.write('tsconfig.json', JSON.stringify({ compilerOptions: FixtureProject.compilerOptionsJson, include }, null, 2));
  }

  /** Writes `text` to `<dir>/<relativePath>` and returns the absolute path. */
  write(relativePath: string, text: string): string {
    const file = path.join(this.dir, relativePath);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }

  /** The lib and node_modules declaration files are parsed once for every folder's programs (see sharingCompilerHost). */
  program(rootNames: readonly string[]): ts.Program {
    return ts.createProgram({ rootNames, options: this.compilerOptions, host: sharingCompilerHost(this.compilerOptions) });
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The file's syntactic and semantic errors as message texts: lines move when a codemod rewrites a
 * file, so "no new error" compares what the errors say, not where they are.
 */
export function diagnosticMessages(program: ts.Program, fileName: string): string[] {
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) throw new Error(`${fileName} is not in the program`);
  return [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)].map(
    (diagnostic) => `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
  );
}

/** The messages of `after` that `before` does not have (as multisets: a second copy of an error is new). */
export function newMessages(before: readonly string[], after: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const message of before) remaining.set(message, (remaining.get(message) ?? 0) + 1);
  const added: string[] = [];
  for (const message of after) {
    const count = remaining.get(message) ?? 0;
    if (count > 0) remaining.set(message, count - 1);
    else added.push(message);
  }
  return added;
}

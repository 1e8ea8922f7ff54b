import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { sharingCompilerHost } from './shared-source-files';

// One entry per tsconfig of the repository being fixed: a fixed set per run, not a cache that grows
// with traffic (a worker thread ends with the run). Removing entries would rebuild programs.
// eslint-disable-next-line leakguard/no-unbounded-cache -- keyed by the repository's tsconfig files
const programs = new Map<string, ts.Program | undefined>();

/** The nearest `tsconfig.json` at or above the file's folder (monorepos: one per package). */
export function findNearestTsconfig(filePath: string): string | undefined {
  let directory = path.dirname(path.resolve(filePath));
  for (;;) {
    const candidate = path.join(directory, 'tsconfig.json');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(directory);
    if (parent === directory || fs.existsSync(path.join(directory, '.git'))) return undefined;
    directory = parent;
  }
}

function parseTsconfig(tsconfigPath: string): ts.ParsedCommandLine | undefined {
  const read = ts.readConfigFile(tsconfigPath, (file) => ts.sys.readFile(file));
  if (read.error) return undefined;
  return ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(tsconfigPath), undefined, tsconfigPath);
}

/** The programs of a monorepo's tsconfigs share their lib and node_modules declaration files. */
function createProgram(parsed: ts.ParsedCommandLine): ts.Program {
  const options = { ...parsed.options, noEmit: true };
  return ts.createProgram({ rootNames: parsed.fileNames, options, host: sharingCompilerHost(options), projectReferences: parsed.projectReferences });
}

/** One program per tsconfig, built once per process (a worker thread builds its own). */
export function programForTsconfig(tsconfigPath: string): ts.Program | undefined {
  const key = path.resolve(tsconfigPath);
  if (programs.has(key)) return programs.get(key);
  const parsed = parseTsconfig(key);
  const program = parsed ? createProgram(parsed) : undefined;
  programs.set(key, program);
  return program;
}

function programContaining(tsconfigPath: string, absolute: string, depth: number): ts.Program | undefined {
  const program = programForTsconfig(tsconfigPath);
  if (program?.getSourceFile(absolute)) return program;
  if (depth > 4) return undefined;
  // Solution-style tsconfigs list their packages as project references.
  for (const reference of program?.getResolvedProjectReferences() ?? []) {
    if (!reference) continue;
    const found = programContaining(reference.sourceFile.fileName, absolute, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/**
 * The program that type-checks `filePath`: from `--project` when given, else the nearest tsconfig,
 * following project references. Undefined when the file is in no program: the analysis is untyped.
 */
export function programForFile(filePath: string, explicitTsconfig?: string): ts.Program | undefined {
  const absolute = path.resolve(filePath);
  const tsconfig = explicitTsconfig ?? findNearestTsconfig(absolute);
  return tsconfig ? programContaining(tsconfig, absolute, 0) : undefined;
}

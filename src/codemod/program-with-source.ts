import path from 'node:path';
import ts from 'typescript';

/**
 * `program` with `filePath` replaced by `text`. typescript-estree takes a provided program's copy of
 * the file and ignores the text it is given, so after one codemod rewrote a file the next one
 * (`--codemod all`) would locate its edits with ranges from the old text: each step needs a program
 * that holds the text it transforms. Every other file is reused from `program` (TypeScript's
 * structure reuse keeps this cheap).
 */
/**
 * What a compiler host may hand back for a file the old program holds. When a package is installed
 * twice (same name and version in two node_modules folders), TypeScript keeps one copy and makes the
 * other a redirect source file, which a host must never return ("Host should not return a redirect
 * source file"): the file as it was read, before the redirect, is kept on the redirect. The field is
 * TypeScript-internal, so without it the file is read from disk again.
 */
function reusable(sourceFile: ts.SourceFile | undefined): ts.SourceFile | undefined {
  if (!sourceFile) return undefined;
  const redirect = (sourceFile as { redirectInfo?: { readonly unredirected?: ts.SourceFile } }).redirectInfo;
  if (!redirect) return sourceFile;
  return redirect.unredirected;
}

export function programWithSource(program: ts.Program, filePath: string, text: string): ts.Program {
  const stale = program.getSourceFile(filePath);
  if (!stale || stale.text === text) return program;
  const options = program.getCompilerOptions();
  const host = ts.createCompilerHost(options, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    if (path.resolve(fileName) === path.resolve(stale.fileName)) {
      return ts.createSourceFile(fileName, text, languageVersionOrOptions, true);
    }
    return reusable(program.getSourceFile(fileName)) ?? readFromDisk(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
  };
  return ts.createProgram({
    rootNames: program.getRootFileNames(),
    options,
    host,
    oldProgram: program,
    projectReferences: program.getProjectReferences(),
  });
}

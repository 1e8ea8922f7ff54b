import path from 'node:path';
import ts from 'typescript';

/**
 * `program` with `filePath` replaced by `text`. typescript-estree takes a provided program's copy of
 * the file and ignores the text it is given, so after one codemod rewrote a file the next one
 * (`--codemod all`) would locate its edits with ranges from the old text: each step needs a program
 * that holds the text it transforms. Every other file is reused from `program` (TypeScript's
 * structure reuse keeps this cheap).
 */
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
    return program.getSourceFile(fileName) ?? readFromDisk(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile);
  };
  return ts.createProgram({
    rootNames: program.getRootFileNames(),
    options,
    host,
    oldProgram: program,
    projectReferences: program.getProjectReferences(),
  });
}

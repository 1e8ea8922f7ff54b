import type ts from 'typescript';

const answers = new WeakMap<ts.Program, boolean>();

/**
 * Whether a parser's program can answer type questions about the project. typescript-eslint hands
 * rules an "isolated" program where it cannot use the project's — in single-run mode (CI=true) with
 * the legacy `project` option, every parse of a file after its first: an `--fix` pass, a second config
 * in the same process, as with `disableTypeChecked`. That program holds the one file, no default
 * library and `noResolve`: its checker knows neither `Promise` nor any import, so its answers would
 * be wrong, and TypeScript 6 throws inside its module-specifier code when asked about an imported
 * name. Such a program counts as none: the rules run untyped.
 */
export function programHasTypes(program: ts.Program): boolean {
  let answer = answers.get(program);
  if (answer === undefined) {
    answer = program.getCompilerOptions().noResolve !== true && program.getSourceFiles().some((file) => program.isSourceFileDefaultLibrary(file));
    answers.set(program, answer);
  }
  return answer;
}

import type ts from 'typescript';
import type { CodemodOptions, CodemodResult } from './outcome';

export interface CodemodInput {
  readonly source: string;
  /** Absolute or relative path: picks the parser (JSX for .tsx/.jsx/.js) and locates the file in `program`. */
  readonly filePath: string;
  /** A TypeScript program that contains the file, for the typed analysis; omitted = untyped. */
  readonly program?: ts.Program;
}

/** Parse, run the paired rule's detector, apply its plans, explain the rest. */
export function runCodemod(codemodName: string, input: CodemodInput, options: CodemodOptions = {}): CodemodResult {
  void codemodName;
  void input;
  void options;
  throw new Error('not implemented yet');
}

import type { TSESTree } from '@typescript-eslint/utils';
import { nodeIndexOf } from './node-index';

/**
 * Does the file write TypeScript (annotations, `as`, generics …)? Emitted code follows it: type
 * arguments and `!` in a .ts file, none in JavaScript, where they would not parse.
 */
export function writesTypeScript(ast: TSESTree.Program): boolean {
  return nodeIndexOf(ast).writesTypeScript;
}

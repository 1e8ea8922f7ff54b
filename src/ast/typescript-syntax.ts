import type { TSESTree } from '@typescript-eslint/utils';
import { walk } from './traverse';

/**
 * Does the file write TypeScript (annotations, `as`, generics …)? Emitted code follows it: type
 * arguments and `!` in a .ts file, none in JavaScript, where they would not parse.
 */
export function writesTypeScript(ast: TSESTree.Program): boolean {
  let found = false;
  walk(ast, (node) => {
    if (found) return false;
    if (node.type.startsWith('TS')) found = true;
    return undefined;
  });
  return found;
}

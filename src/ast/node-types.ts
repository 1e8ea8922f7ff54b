import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/types';

/**
 * typescript-eslint's node-type enum, read once. Imported where it is used, every `AST_NODE_TYPES.X`
 * in our compiled CommonJS runs re-export getters, and the detectors compare node types on every
 * node of every file: in a typed lint profile those getters were about a tenth of require-close's
 * own time. A plain exported constant costs nothing. It comes from @typescript-eslint/types, which
 * loads nothing else: not from @typescript-eslint/utils, whose index loads all of ESLint, nor from
 * typescript-estree, which loads TypeScript. So the rule and codemod descriptors (and the detectors
 * they name) load in milliseconds, and the CLI's main thread, which only reads their names and
 * options, never loads TypeScript.
 */
export const AST_NODE_TYPES = NODE_TYPES;

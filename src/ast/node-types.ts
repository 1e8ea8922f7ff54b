import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/typescript-estree';

/**
 * typescript-eslint's node-type enum, read once. Imported where it is used, every `AST_NODE_TYPES.X`
 * in our compiled CommonJS runs re-export getters, and the detectors compare node types on every
 * node of every file: in a typed lint profile those getters were about a tenth of require-close's
 * own time. A plain exported constant costs nothing. It comes from typescript-estree, which the
 * codemods load anyway to parse, not from @typescript-eslint/utils, whose index loads all of ESLint:
 * a codemod worker thread has no use for it.
 */
export const AST_NODE_TYPES = NODE_TYPES;

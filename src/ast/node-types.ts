import { AST_NODE_TYPES as NODE_TYPES } from '@typescript-eslint/utils';

/**
 * typescript-eslint's node-type enum, read once. Imported straight from @typescript-eslint/utils,
 * every `AST_NODE_TYPES.X` in our compiled CommonJS runs two re-export getters (utils → types), and
 * the detectors compare node types on every node of every file: in a typed lint profile those
 * getters were about a tenth of require-close's own time. A plain exported constant costs nothing.
 */
export const AST_NODE_TYPES = NODE_TYPES;
